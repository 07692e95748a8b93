import { adminRouter } from "./routers/admin.router.ts";
import { auditRouter } from "./routers/audit.router.ts";
import { authRouter } from "./routers/auth.router.ts";
import { territoryRouter } from "./routers/territory.router.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  admin: adminRouter,
  audit: auditRouter,
  auth: authRouter,
  territory: territoryRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
