import {
  type Actor,
  canSetPartners,
  DomainError,
  type FinancingPlan,
  financingPlan,
  type Label,
  membershipRoleLabels,
  notFound,
  type SetOwnFundsInput,
  translate,
} from "@trame/core";
import {
  type Database,
  type FundingApplicationItem,
  getProject,
  getProjectFinancing,
  type Kysely,
  listApplications,
  lockProject,
  type ProjectFinancing,
  type ProjectViewer,
  setPartnerOwnFunds,
  updateProjectFunding,
} from "@trame/db";
import { viewerOf } from "../auth/viewer.ts";
import { auditedWrite } from "./audited-write.ts";
import { accessOf } from "./project.service.ts";

const PROJECT: Label = { fr: "Projet", en: "Project" };

/** The plan as the screen shows it: the project's financing facts and applications beside the computed plan. */
export interface ProjectFinancingPlan extends FinancingPlan {
  project: ProjectFinancing["project"];
  applications: FundingApplicationItem[];
}

/** A project has a handful of applications; this bound is only there so no request reads without end. */
const MAX_APPLICATIONS = 1_000;

async function planOf(
  db: Kysely<Database>,
  financing: ProjectFinancing,
  viewer: ProjectViewer,
): Promise<ProjectFinancingPlan> {
  const { items } = await listApplications(
    db,
    { projectId: financing.project.id, limit: MAX_APPLICATIONS, offset: 0 },
    viewer,
  );
  const plan = financingPlan({
    budgetCents: financing.project.budgetCents,
    isInvestment: financing.project.isInvestment,
    partners: financing.partners,
    applications: items,
  });
  return { project: financing.project, applications: items, ...plan };
}

/** Visibility as for `project.get`: a project hidden from the viewer is as absent as an unknown one. */
export async function readFinancingPlan(
  db: Kysely<Database>,
  projectId: string,
  viewer: ProjectViewer,
): Promise<ProjectFinancingPlan> {
  const financing = await getProjectFinancing(db, projectId, viewer);
  if (!financing) throw notFound(PROJECT);
  return planOf(db, financing, viewer);
}

/** The audit keeps what the plan is computed from, not the computed plan. */
function fundingSnapshot(financing: ProjectFinancing) {
  return {
    version: financing.project.version,
    isInvestment: financing.project.isInvestment,
    ownFunds: financing.partners.map((p) => ({ territoryId: p.territoryId, ownFundsCents: p.ownFundsCents })),
  };
}

/**
 * Own funds commit a partner's budget to the lead's financing plan, so only the STORED lead's
 * editors set them (as they set the partner list), and only for stored partners. Versioned on the
 * project: a plan read before a colleague's change is refused (CONFLICT) instead of overwriting it.
 */
export function setOwnFunds(
  db: Kysely<Database>,
  actor: Actor,
  input: SetOwnFundsInput,
): Promise<ProjectFinancingPlan> {
  const { id, version, isInvestment, ownFunds } = input;
  const viewer = viewerOf(actor);
  return auditedWrite(db, actor.userId, async (trx) => {
    if (!(await lockProject(trx, id))) throw notFound(PROJECT);
    const project = await getProject(trx, id, viewer);
    if (!project) throw notFound(PROJECT);
    if (!canSetPartners(actor, accessOf(project))) {
      throw new DomainError("FORBIDDEN", "forbidden.projectFunding", { role: membershipRoleLabels.editor });
    }
    if (project.archived) throw new DomainError("PRECONDITION_FAILED", "project.archived");
    const before = await getProjectFinancing(trx, id, null);
    if (!before) throw notFound(PROJECT);
    if (before.project.version !== version) {
      throw new DomainError("CONFLICT", "conflict.stale", {}, { current: await planOf(trx, before, viewer) });
    }
    const partnerIds = new Set(before.partners.map((p) => p.territoryId));
    const strangers = ownFunds.flatMap((row, index) =>
      partnerIds.has(row.territoryId) ? [] : [`ownFunds.${index}.territoryId`],
    );
    if (strangers.length > 0) {
      const message = translate("financing.notPartner");
      throw new DomainError(
        "BAD_REQUEST",
        "financing.notPartner",
        {},
        { fields: strangers.map((field) => ({ field, message })) },
      );
    }
    if (!(await updateProjectFunding(trx, id, version, { isInvestment }))) {
      throw new DomainError("CONFLICT", "conflict.stale", {}, { current: await planOf(trx, before, viewer) });
    }
    await setPartnerOwnFunds(trx, id, ownFunds);
    const after = await getProjectFinancing(trx, id, null);
    if (!after) throw notFound(PROJECT);
    return {
      target: { entityType: "project", entityId: id, action: "funding_set" },
      before: fundingSnapshot(before),
      after: fundingSnapshot(after),
      result: await planOf(trx, after, viewer),
    };
  });
}
