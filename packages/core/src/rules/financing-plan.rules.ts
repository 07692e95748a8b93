import type { ApplicationStatus, FunderKind } from "../enums/funding.ts";
import type { Label } from "../enums/label.ts";
import type { PartnerRole } from "../enums/project.ts";

/** Asked for and not decided yet: the amount may still come. */
export const PENDING_APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "under_review",
] as const satisfies readonly ApplicationStatus[];
/** Decided in the project's favour: the granted amount is secured (closed = granted and settled). */
export const AWARDED_APPLICATION_STATUSES = ["granted", "closed"] as const satisfies readonly ApplicationStatus[];
/** Decided: the denominator of a success rate (withdrawn applications were never decided). */
export const DECIDED_APPLICATION_STATUSES = [
  ...AWARDED_APPLICATION_STATUSES,
  "rejected",
] as const satisfies readonly ApplicationStatus[];

const isPending = (status: ApplicationStatus) => (PENDING_APPLICATION_STATUSES as readonly string[]).includes(status);
const isAwarded = (status: ApplicationStatus) => (AWARDED_APPLICATION_STATUSES as readonly string[]).includes(status);

export interface FinancingPlanInput {
  budgetCents: number | null;
  isInvestment: boolean;
  partners: ReadonlyArray<{ territoryId: string; name: string; role: PartnerRole; ownFundsCents: number | null }>;
  applications: ReadonlyArray<{
    funder: { name: string; kind: FunderKind };
    /** The short name is carried through so every screen names the programme the same way. */
    programme: { name: string; acronym?: string };
    status: ApplicationStatus;
    requestedCents: number;
    grantedCents: number | null;
    paidCents: number;
  }>;
}

/** An exact fraction; the screen formats it (a share is never rounded before it is shown). */
export interface Ratio {
  numerator: number;
  denominator: number;
}

export interface FinancingLine {
  funder: { name: string; kind: FunderKind };
  programme: { name: string; acronym: string };
  applicationCount: number;
  /** Pending applications (draft, submitted, under review). */
  requestedCents: number;
  /** Granted and closed applications. */
  grantedCents: number;
  paidCents: number;
}

export interface OwnFundsShare {
  territoryId: string;
  name: string;
  role: PartnerRole;
  ownFundsCents: number;
  /** Share of all partners' own funds in basis points; the shares add up to exactly 10,000. */
  shareBasisPoints: number;
  shareOfBudget: Ratio | null;
}

export type FinancingWarningCode = "lead_share_below_20" | "not_covered";

export interface FinancingWarning {
  code: FinancingWarningCode;
  message: Label;
}

export interface FinancingPlan {
  budgetCents: number | null;
  isInvestment: boolean;
  lines: FinancingLine[];
  totals: {
    requestedCents: number;
    grantedCents: number;
    paidCents: number;
    ownFundsCents: number;
    /** Granted aid plus own funds: what the project can count on today. */
    securedCents: number;
    /** Own funds plus public aid granted or pending: the base of the 20 % rule. */
    publicFinancingCents: number;
  };
  ownFunds: OwnFundsShare[];
  lead: { territoryId: string; name: string; ownFundsCents: number; shareOfPublicFinancing: Ratio | null } | null;
  /** Budget not covered by granted aid and own funds; 0 when covered, null without a budget. */
  coverageGapCents: number | null;
  warnings: FinancingWarning[];
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Largest-remainder apportionment of 10,000 basis points: each share is floored, then the points
 * lost to flooring go to the largest remainders, so the shares always add up to the whole.
 */
export function apportionBasisPoints(amounts: readonly number[]): number[] {
  const total = sum(amounts);
  if (total === 0) return amounts.map(() => 0);
  const whole = BigInt(total);
  const exact = amounts.map((amount) => BigInt(amount) * 10_000n);
  const floors = exact.map((value) => value / whole);
  let left = 10_000 - Number(floors.reduce((a, b) => a + b, 0n));
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value % whole }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const shares = floors.map(Number);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/** A private funder's money is not public financing in the sense of CGCT L1111-10. */
const isPublicFunder = (kind: FunderKind) => kind !== "private";

function groupLines(applications: FinancingPlanInput["applications"]): FinancingLine[] {
  const lines = new Map<string, FinancingLine>();
  for (const application of applications) {
    const key = JSON.stringify([application.funder.name, application.funder.kind, application.programme.name]);
    const line = lines.get(key) ?? {
      funder: { name: application.funder.name, kind: application.funder.kind },
      programme: { name: application.programme.name, acronym: application.programme.acronym ?? "" },
      applicationCount: 0,
      requestedCents: 0,
      grantedCents: 0,
      paidCents: 0,
    };
    line.applicationCount += 1;
    if (isPending(application.status)) line.requestedCents += application.requestedCents;
    if (isAwarded(application.status)) line.grantedCents += application.grantedCents ?? 0;
    line.paidCents += application.paidCents;
    lines.set(key, line);
  }
  return [...lines.values()].sort(
    (a, b) =>
      a.funder.name.localeCompare(b.funder.name, "fr") || a.programme.name.localeCompare(b.programme.name, "fr"),
  );
}

/** The exceptions are listed as possibilities to check, never as a ruling on the project. */
const LEAD_SHARE_MESSAGE = (lead: string): Label => ({
  fr:
    `La participation du chef de file (${lead}) est inférieure à 20 % du total des financements publics de ` +
    "cette opération d'investissement : c'est le minimum du maître d'ouvrage (CGCT, art. L1111-10). " +
    "Exceptions possibles, à vérifier avec la préfecture : projets du programme national de renouvellement " +
    "urbain ; opérations financées par le FEDER dans un programme de coopération territoriale européenne " +
    "(Interreg) ; rénovation de monuments historiques protégés ou de patrimoine non protégé, réparation de " +
    "dégâts causés par des calamités publiques, et autres cas, sur dérogation du préfet ; collectivités " +
    "d'outre-mer et certains travaux en Corse. Ceci est un avertissement, pas un avis juridique.",
  en:
    `The lead's own contribution (${lead}) is under 20% of the total public financing of this investment: ` +
    "that is the project owner's minimum participation (CGCT, art. L1111-10). Possible exceptions, to be " +
    "checked with the prefecture: national urban renewal programme projects; operations funded by the ERDF " +
    "under a European territorial cooperation programme (Interreg); renovation of protected historic " +
    "monuments or unprotected heritage, repair of damage from public disasters, and other cases, by the " +
    "prefect's exemption; overseas authorities and some works in Corsica. This is a warning, not legal advice.",
});

const NOT_COVERED_MESSAGE: Label = {
  fr: "Les aides accordées et les fonds propres ne couvrent pas le budget du projet.",
  en: "Granted aid and own funds do not cover the project's budget.",
};

/**
 * The financing plan of one project, in integer cents throughout: lines by funder and programme,
 * totals (each the sum of its lines), own funds per partner and the two warnings of ARCHITECTURE §4.
 * Amounts stay far below 2^53 cents, so sums of numbers are exact; products go through BigInt.
 */
export function financingPlan(input: FinancingPlanInput): FinancingPlan {
  const lines = groupLines(input.applications);
  const ownAmounts = input.partners.map((p) => p.ownFundsCents ?? 0);
  const ownFundsCents = sum(ownAmounts);
  const grantedCents = sum(lines.map((l) => l.grantedCents));
  const securedCents = grantedCents + ownFundsCents;
  const publicAidCents = sum(
    lines.filter((l) => isPublicFunder(l.funder.kind)).map((l) => l.grantedCents + l.requestedCents),
  );
  // The rule weighs the plan as filed, so pending requests count: the warning must come before submission.
  const publicFinancingCents = publicAidCents + ownFundsCents;
  const basisPoints = apportionBasisPoints(ownAmounts);
  const { budgetCents } = input;

  const ownFunds = input.partners.map((partner, index) => ({
    territoryId: partner.territoryId,
    name: partner.name,
    role: partner.role,
    ownFundsCents: ownAmounts[index] ?? 0,
    shareBasisPoints: basisPoints[index] ?? 0,
    shareOfBudget: budgetCents ? { numerator: ownAmounts[index] ?? 0, denominator: budgetCents } : null,
  }));
  const leadPartner = ownFunds.find((p) => p.role === "lead");
  const lead = leadPartner
    ? {
        territoryId: leadPartner.territoryId,
        name: leadPartner.name,
        ownFundsCents: leadPartner.ownFundsCents,
        shareOfPublicFinancing:
          publicFinancingCents > 0 ? { numerator: leadPartner.ownFundsCents, denominator: publicFinancingCents } : null,
      }
    : null;

  const warnings: FinancingWarning[] = [];
  // lead / public < 20 % ⇔ 5 × lead < public, compared exactly.
  if (input.isInvestment && lead && publicFinancingCents > 0) {
    if (BigInt(lead.ownFundsCents) * 5n < BigInt(publicFinancingCents)) {
      warnings.push({ code: "lead_share_below_20", message: LEAD_SHARE_MESSAGE(lead.name) });
    }
  }
  const coverageGapCents = budgetCents === null ? null : Math.max(0, budgetCents - securedCents);
  if (coverageGapCents !== null && coverageGapCents > 0) {
    warnings.push({ code: "not_covered", message: NOT_COVERED_MESSAGE });
  }

  return {
    budgetCents,
    isInvestment: input.isInvestment,
    lines,
    totals: {
      requestedCents: sum(lines.map((l) => l.requestedCents)),
      grantedCents,
      paidCents: sum(lines.map((l) => l.paidCents)),
      ownFundsCents,
      securedCents,
      publicFinancingCents,
    },
    ownFunds,
    lead,
    coverageGapCents,
    warnings,
  };
}
