import {
  type ApplicationStatus,
  addDays,
  applicationStatusSchema,
  canMoveApplication,
  datesSetBy,
  todayInFrance,
} from "@trame/core";
import {
  type Database,
  getProjectFinancing,
  insertApplication,
  insertApplicationTransition,
  insertPayment,
  insertTimelineEntry,
  type Kysely,
  recordAudit,
  setPartnerOwnFunds,
  updateApplication,
  updateProjectFunding,
} from "@trame/db";
import {
  DEMO_APPLICATIONS,
  DEMO_OWN_FUNDS,
  type DemoApplication,
  type DemoDate,
  type DemoStep,
} from "./demo-applications.data.ts";
import { demoKey } from "./demo-keys.ts";
import { DEMO_PROJECTS, type TerritoryRef } from "./demo-projects.data.ts";
import type { SeedMarks } from "./seed-marks.ts";

/** Territory id by SIREN or by the label of a non-EPCI body; undefined when the demo lacks it. */
export type TerritoryLookup = (ref: TerritoryRef) => string | undefined;

interface Step {
  to: ApplicationStatus;
  on: string;
  comment: string;
}

function parseStep(step: DemoStep): Step {
  const [status = "", on = "", ...words] = step.split(" ");
  return { to: applicationStatusSchema.parse(status), on, comment: words.join(" ") };
}

const dayOf = (date: DemoDate | undefined, today: string) =>
  date === undefined ? null : typeof date === "string" ? date : addDays(today, date.inDays);

interface SeededProject {
  id: string;
  cooperationId: string;
  partnerIds: string[];
}

/** The demo projects the seed made, by their keys, with their current partners. */
async function demoProjects(trx: Kysely<Database>, marks: SeedMarks): Promise<Map<string, SeededProject>> {
  const idByKey = new Map(
    DEMO_PROJECTS.flatMap((p) => {
      const id = marks.idOf(demoKey.project(p.key));
      return id ? [[id, p.key] as const] : [];
    }),
  );
  if (idByKey.size === 0) return new Map();
  const rows = await trx
    .selectFrom("projects as p")
    .innerJoin("project_partners as pp", "pp.project_id", "p.id")
    .select(["p.id", "p.cooperation_id", "pp.territory_id"])
    .where("p.id", "in", [...idByKey.keys()])
    .execute();
  const byKey = new Map<string, SeededProject>();
  for (const row of rows) {
    const key = idByKey.get(row.id);
    if (!key) continue;
    const project = byKey.get(key) ?? { id: row.id, cooperationId: row.cooperation_id, partnerIds: [] };
    project.partnerIds.push(row.territory_id);
    byKey.set(key, project);
  }
  return byKey;
}

async function programmesByRef(trx: Kysely<Database>) {
  const rows = await trx
    .selectFrom("funding_programmes")
    .select(["id", "external_ref", "name", "acronym"])
    .where("external_ref", "in", [...new Set(DEMO_APPLICATIONS.map((a) => a.programme))])
    .execute();
  return new Map(rows.map((row) => [row.external_ref, row]));
}

/**
 * Replays the application's life with the same writes as the procedures (draft, each dated step,
 * payments after the grant), so its history, its payments and the funding lines on the timelines
 * of the applicant and of every partner read exactly as if typed. Seeded steps have no actor.
 */
async function seedApplication(
  trx: Kysely<Database>,
  demo: DemoApplication,
  where: { project: SeededProject; applicantId: string; programme: { id: string; name: string; acronym: string } },
  today: string,
): Promise<string> {
  const { project, applicantId, programme } = where;
  const requestedCents = demo.euros.requested * 100;
  const grantedCents = demo.euros.granted === undefined ? null : demo.euros.granted * 100;
  const id = await insertApplication(trx, {
    projectId: project.id,
    applicantTerritoryId: applicantId,
    programmeId: programme.id,
    callReference: demo.callReference,
    eligibleBaseCents: demo.euros.base === undefined ? null : demo.euros.base * 100,
    requestedCents,
    submissionDeadline: dayOf(demo.submissionDeadline, today),
    spendingDeadline: dayOf(demo.spendingDeadline, today),
    agreementSignedOn: demo.agreementSignedOn ?? null,
    createdBy: null,
  });
  await trx.updateTable("funding_applications").set({ is_demo: true }).where("id", "=", id).execute();
  const applicant = await trx
    .selectFrom("territories")
    .select(["id", "name"])
    .where("id", "=", applicantId)
    .executeTakeFirstOrThrow();

  let version = 1;
  let from: ApplicationStatus | null = null;
  let paidCents = 0;
  const stored = { submittedOn: null as string | null, decisionOn: null as string | null };
  for (const step of [...demo.steps, ...(demo.decision ?? [])].map(parseStep)) {
    if (from !== null) {
      if (!canMoveApplication(from, step.to)) throw new Error(`${demo.callReference}: ${from} → ${step.to}`);
      const dates = datesSetBy(stored, step.to, step.on);
      Object.assign(stored, dates);
      const changes = { ...dates, status: step.to, ...(step.to === "granted" ? { grantedCents } : {}) };
      if (!(await updateApplication(trx, id, version, changes))) throw new Error(`${demo.callReference}: stale`);
      version += 1;
    }
    await insertApplicationTransition(trx, { applicationId: id, from, ...step, actorId: null });
    const stepGranted = step.to === "granted" || step.to === "closed" ? grantedCents : null;
    await insertTimelineEntry(trx, {
      occurredOn: step.on,
      kind: "funding_status",
      title: programme.acronym || programme.name,
      detail: {
        applicationId: id,
        from,
        to: step.to,
        comment: step.comment,
        programme,
        applicant,
        amounts: { requestedCents, grantedCents: stepGranted, paidCents },
      },
      cooperationId: project.cooperationId,
      projectId: project.id,
      territoryIds: [applicantId, ...project.partnerIds],
    });
    if (step.to === "granted") {
      for (const [index, [paidOn, euros]] of Object.entries(demo.payments ?? {}).entries()) {
        const reference = `Mandat n° ${index + 1}`;
        await insertPayment(trx, { applicationId: id, paidOn, amountCents: euros * 100, reference, createdBy: null });
        paidCents += euros * 100;
      }
      if (grantedCents === null || paidCents > grantedCents) throw new Error(`${demo.callReference}: overpaid`);
    }
    from = step.to;
  }
  await recordAudit(trx, {
    entityType: "funding_application",
    entityId: id,
    action: "seeded",
    actorId: null,
    before: null,
    after: {
      projectId: project.id,
      applicantId,
      programme: programme.name,
      status: from,
      requestedCents,
      grantedCents,
    },
  });
  return id;
}

/** Own funds are seeded once per project: a partner whose own funds someone has since typed keeps them. */
async function seedOwnFunds(
  trx: Kysely<Database>,
  projects: Map<string, SeededProject>,
  territoryId: TerritoryLookup,
  marks: SeedMarks,
): Promise<void> {
  for (const demo of DEMO_OWN_FUNDS) {
    const key = demoKey.ownFunds(demo.project);
    const project = projects.get(demo.project);
    if (!project || marks.has(key)) continue;
    await marks.record(trx, key, project.id);
    const financing = await getProjectFinancing(trx, project.id, null);
    if (!financing || financing.partners.some((p) => p.ownFundsCents !== null)) continue;
    const ownFunds = demo.ownFunds.flatMap(([ref, euros]) => {
      const id = territoryId(ref);
      return id ? [{ territoryId: id, ownFundsCents: euros * 100 }] : [];
    });
    await updateProjectFunding(trx, financing.project.id, financing.project.version, {
      isInvestment: demo.isInvestment,
    });
    await setPartnerOwnFunds(trx, financing.project.id, ownFunds);
  }
}

/**
 * Funding applications of the demo projects on real programmes (by external_ref), in every status,
 * and own funds on some partners. Each application is made once, under its call reference: one a
 * user has since moved on, edited or withdrawn stays as they left it. An application whose project,
 * applicant or programme is missing (a curated row left out as uncertain) is skipped rather than
 * failing the whole demo. Returns how many applications this run added.
 */
export async function seedApplications(
  trx: Kysely<Database>,
  territoryId: TerritoryLookup,
  marks: SeedMarks,
  today: string = todayInFrance(),
): Promise<number> {
  const projects = await demoProjects(trx, marks);
  const programmes = await programmesByRef(trx);
  let created = 0;
  for (const demo of DEMO_APPLICATIONS) {
    const key = demoKey.application(demo.callReference);
    const project = projects.get(demo.project);
    const programme = programmes.get(demo.programme);
    const applicantId = territoryId(demo.applicant);
    if (marks.has(key) || !project || !programme || !applicantId || !project.partnerIds.includes(applicantId)) continue;
    const { external_ref: _ref, ...named } = programme;
    await marks.record(trx, key, await seedApplication(trx, demo, { project, applicantId, programme: named }, today));
    created++;
  }
  await seedOwnFunds(trx, projects, territoryId, marks);
  return created;
}
