import { randomUUID } from "node:crypto";
import type { MembershipRole } from "@trame/core";
import type { Database, Kysely } from "@trame/db";
import { callerFor, makeTerritory, makeUser } from "./factories.ts";

export type Caller = Awaited<ReturnType<typeof callerFor>>;
export type CreateProjectArgs = Parameters<Caller["project"]["create"]>[0];

const ROLES = {
  leadAdmin: ["lead", "admin"],
  leadEditor: ["lead", "editor"],
  leadViewer: ["lead", "viewer"],
  partnerEditor: ["partner", "editor"],
  partnerViewer: ["partner", "viewer"],
  outsiderEditor: ["outsider", "editor"],
} as const satisfies Record<string, readonly [string, MembershipRole]>;
export type Who = keyof typeof ROLES | "instanceAdmin";

/**
 * A metropolis and a neighbour cooperating, a territory outside it, and callers acting through real
 * sessions. Users are made on first use: hashing passwords is what makes fixtures slow.
 */
export async function projectWorld(db: Kysely<Database>) {
  const [lead, partner, outsider] = await Promise.all([
    makeTerritory(db, { kind: "METRO", name: `Orléans Métropole ${randomUUID().slice(0, 6)}` }),
    makeTerritory(db, { kind: "CC" }),
    makeTerritory(db, { kind: "CA" }),
  ]);
  const territories = { lead, partner, outsider };
  const callers = new Map<Who, Promise<Caller>>();
  const as = (who: Who): Promise<Caller> => {
    let caller = callers.get(who);
    if (!caller) {
      if (who === "instanceAdmin") {
        caller = makeUser(db, { isInstanceAdmin: true }).then((user) => callerFor(db, user));
      } else {
        const [territory, role] = ROLES[who];
        caller = makeUser(db, { memberships: [{ territoryId: territories[territory].id, role }] }).then((user) =>
          callerFor(db, user),
        );
      }
      callers.set(who, caller);
    }
    return caller;
  };

  const leadAdmin = await as("leadAdmin");
  const created = await leadAdmin.cooperation.create({
    name: `Coopération interterritoriale ${randomUUID().slice(0, 8)}`,
    engagementForm: "contrat_reciprocite",
    leadTerritoryId: lead.id,
    startedOn: "2020-01-15",
    themes: ["food", "water"],
  });
  const cooperation = await leadAdmin.cooperation.addMember({
    cooperationId: created.id,
    territoryId: partner.id,
    role: "member",
    joinedOn: "2020-06-01",
  });

  const projectArgs = (overrides: Partial<CreateProjectArgs> = {}): CreateProjectArgs => ({
    cooperationId: cooperation.id,
    title: `Projet alimentaire territorial ${randomUUID().slice(0, 8)}`,
    summary: "Approvisionner les cantines en produits locaux",
    themes: ["food"],
    startedOn: "2024-01-01",
    budgetCents: 12_000_000,
    partners: [
      { territoryId: lead.id, role: "lead" },
      { territoryId: partner.id, role: "partner" },
    ],
    ...overrides,
  });
  /** Created by the lead's editor, so every test starts from a stored state. */
  const createProject = async (overrides: Partial<CreateProjectArgs> = {}) =>
    (await as("leadEditor")).project.create(projectArgs(overrides));

  /** Partners of a project are members of its cooperation: a funder or guest joins as an associate first. */
  const joinAsAssociate = async (territoryId: string) =>
    (await as("leadAdmin")).cooperation.addMember({
      cooperationId: cooperation.id,
      territoryId,
      role: "associate",
      joinedOn: "2020-06-01",
    });

  return { lead, partner, outsider, cooperation, as, projectArgs, createProject, joinAsAssociate };
}
