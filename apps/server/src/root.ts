import { accessRequestRouter } from "./routers/access-request.router.ts";
import { actionRouter } from "./routers/action.router.ts";
import { adminRouter } from "./routers/admin.router.ts";
import { auditRouter } from "./routers/audit.router.ts";
import { authRouter } from "./routers/auth.router.ts";
import { calendarRouter } from "./routers/calendar.router.ts";
import { cooperationRouter } from "./routers/cooperation.router.ts";
import { dashboardRouter } from "./routers/dashboard.router.ts";
import { documentRouter } from "./routers/document.router.ts";
import { financingRouter } from "./routers/financing.router.ts";
import { followRouter } from "./routers/follow.router.ts";
import { fundingRouter } from "./routers/funding.router.ts";
import { healthRouter } from "./routers/health.router.ts";
import { importRouter } from "./routers/import.router.ts";
import { instanceRouter } from "./routers/instance.router.ts";
import { invitationRouter } from "./routers/invitation.router.ts";
import { mapRouter } from "./routers/map.router.ts";
import { notificationRouter } from "./routers/notification.router.ts";
import { notificationPrefsRouter } from "./routers/notification-prefs.router.ts";
import { projectRouter } from "./routers/project.router.ts";
import { territoryRouter } from "./routers/territory.router.ts";
import { timelineRouter } from "./routers/timeline.router.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  accessRequest: accessRequestRouter,
  action: actionRouter,
  admin: adminRouter,
  audit: auditRouter,
  auth: authRouter,
  calendar: calendarRouter,
  cooperation: cooperationRouter,
  dashboard: dashboardRouter,
  document: documentRouter,
  financing: financingRouter,
  follow: followRouter,
  funding: fundingRouter,
  health: healthRouter,
  instance: instanceRouter,
  invitation: invitationRouter,
  import: importRouter,
  map: mapRouter,
  notification: notificationRouter,
  notificationPrefs: notificationPrefsRouter,
  project: projectRouter,
  territory: territoryRouter,
  timeline: timelineRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
