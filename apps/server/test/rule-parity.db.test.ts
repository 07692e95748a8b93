import {
  type Actor,
  APPLICATION_STATUSES,
  addDays,
  applicationDates,
  canViewProject,
  MEMBERSHIP_ROLES,
  todayInFrance,
  VISIBILITIES,
} from "@trame/core";
import { listDeadlines, type ProjectEb, projectVisibleTo } from "@trame/db";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTerritory } from "./support/factories.ts";
import { makeApplication, makeCooperation, makeFundingProject, makeProgramme } from "./support/funding-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

/**
 * Where SQL restates a rule of core for speed, the two must agree: random cases, stored in a real
 * database, read through the SQL and decided by the TypeScript, compared one by one.
 */
const testDb = useTestDb();
const db = () => testDb().db;
const RUNS = 25;

let territoryIds: string[];
let cooperationId: string;
let programmeId: string;

beforeAll(async () => {
  territoryIds = (await Promise.all([0, 1, 2, 3].map(() => makeTerritory(db())))).map((t) => t.id);
  cooperationId = (await makeCooperation(db())).id;
  programmeId = (await makeProgramme(db(), { name: "Parité", funderName: "État", funderKind: "state" })).id;
});

/** A territory among the four, by index: fast-check draws indexes, the test maps them to ids. */
const territoryIndex = fc.integer({ min: 0, max: 3 });
const memberships = fc.uniqueArray(
  fc.record({ territory: territoryIndex, role: fc.constantFrom(...MEMBERSHIP_ROLES) }),
  {
    selector: (m) => m.territory,
    maxLength: 4,
  },
);
const actorOf = (
  isInstanceAdmin: boolean,
  drawn: Array<{ territory: number; role: Actor["memberships"][number]["role"] }>,
): Actor => ({
  userId: "parity",
  isInstanceAdmin,
  memberships: drawn.map((m) => ({ territoryId: territoryIds[m.territory] ?? "", role: m.role })),
});

describe("une règle, deux écritures : SQL et TypeScript disent la même chose", () => {
  it("visibilité d'un projet : projectVisibleTo (SQL) = canViewProject (core)", async () => {
    const project = fc.record({
      visibility: fc.constantFrom(...VISIBILITIES),
      partners: fc.uniqueArray(territoryIndex, { minLength: 1, maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(project, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        memberships,
        async (projects, admin, drawn) => {
          const stored = await Promise.all(
            projects.map(async (p) => {
              const partners = p.partners.map(
                (index, i) => [territoryIds[index] ?? "", i === 0 ? "lead" : "partner"] as const,
              );
              const { id } = await makeFundingProject(db(), { cooperationId, partners, visibility: p.visibility });
              return {
                id,
                access: {
                  visibility: p.visibility,
                  partners: partners.map(([territoryId, role]) => ({ territoryId, role })),
                },
              };
            }),
          );
          const actor = actorOf(admin, drawn);
          const viewer = { isInstanceAdmin: admin, territoryIds: actor.memberships.map((m) => m.territoryId) };
          const seen = await db()
            .selectFrom("projects as p")
            .select("p.id")
            .where(
              "p.id",
              "in",
              stored.map((s) => s.id),
            )
            .where((eb) => projectVisibleTo(eb as ProjectEb, viewer))
            .execute();
          const bySql = new Set(seen.map((row) => row.id));
          for (const { id, access } of stored)
            expect(bySql.has(id), JSON.stringify({ access, actor })).toBe(canViewProject(actor, access));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("échéance qui engage : les échéances dépassées de listDeadlines (SQL) = celles marquées en retard par applicationDates (core)", async () => {
    const today = todayInFrance();
    const date = fc.option(
      fc.integer({ min: -3, max: 3 }).map((days) => addDays(today, days)),
      { nil: null },
    );
    const application = fc.record({
      status: fc.constantFrom(...APPLICATION_STATUSES),
      submissionDeadline: date,
      spendingDeadline: date,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(application, { minLength: 1, maxLength: 6 }), async (applications) => {
        // A project of its own per case, so the window reads this case's applications only.
        const lead = territoryIds[0] ?? "";
        const project = await makeFundingProject(db(), { cooperationId, partners: [[lead, "lead"]] });
        const ids = await Promise.all(
          applications.map((a) =>
            makeApplication(db(), {
              projectId: project.id,
              applicantTerritoryId: lead,
              programmeId,
              status: a.status,
              requestedCents: 100_000,
              grantedCents: a.status === "granted" || a.status === "closed" ? 80_000 : null,
              submissionDeadline: a.submissionDeadline,
              spendingDeadline: a.spendingDeadline,
            }),
          ),
        );
        const overdueBySql = await listDeadlines(
          db(),
          { territoryIds: [lead], since: null, until: addDays(today, -1), order: "asc", limit: 1000 },
          { isInstanceAdmin: true, territoryIds: [] },
        );
        const bySql = new Set(
          overdueBySql
            .filter((d) => d.project.id === project.id && d.application)
            .map((d) => `${d.application?.id}:${d.kind}`),
        );
        const byCore = new Set(
          applications.flatMap((a, i) =>
            applicationDates({ ...a, submittedOn: null, decisionOn: null }, today)
              .filter((shown) => shown.overdue)
              .map((shown) => `${ids[i]}:${shown.kind === "submissionDeadline" ? "submission" : "spending"}`),
          ),
        );
        expect([...bySql].sort()).toEqual([...byCore].sort());
      }),
      { numRuns: RUNS },
    );
  });
});
