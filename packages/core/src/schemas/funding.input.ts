import { z } from "zod";
import { confidenceSchema } from "../enums/cooperation.ts";
import { applicationStatusSchema, funderKindSchema } from "../enums/funding.ts";
import { themeSchema } from "../enums/theme.ts";
import { dateSchema, idSchema, paginationSchema, requiredText, text, versionSchema } from "./common.ts";
import { centsSchema } from "./project.input.ts";

const themesSchema = z
  .array(themeSchema)
  .max(16)
  .transform((themes) => [...new Set(themes)]);
/** INSEE codes: régions are two or three digits, départements two digits, 2A/2B or three digits overseas. */
const regionCodeSchema = z.string().regex(/^\d{2,3}$/, "input.invalid");
const departementCodeSchema = z.string().regex(/^(\d{2}|2A|2B|\d{3})$/, "input.invalid");
const sourceUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .nullable();

// ---- Catalogue -------------------------------------------------------------------------------

export const listProgrammesInputSchema = paginationSchema.extend({
  funderId: idSchema.optional(),
  funderKind: funderKindSchema.optional(),
  theme: themeSchema.optional(),
  query: text(120).default(""),
  /** true: national programmes only; false: those limited to régions or départements only. */
  national: z.boolean().optional(),
  /** Programmes open in this région: national ones, and those whose perimeter covers it or one of its départements. */
  regionCode: regionCodeSchema.optional(),
  includeArchived: z.boolean().default(false),
});
export type ListProgrammesInput = z.infer<typeof listProgrammesInputSchema>;

export const programmeIdInputSchema = z.object({ id: idSchema });
export const fittingProgrammesInputSchema = z.object({ projectId: idSchema });

const perimeterSchema = z
  .object({
    national: z.boolean(),
    regions: z.array(regionCodeSchema).max(30).default([]),
    departements: z.array(departementCodeSchema).max(120).default([]),
  })
  .superRefine((perimeter, ctx) => {
    const limited = perimeter.regions.length + perimeter.departements.length > 0;
    if (perimeter.national === limited)
      ctx.addIssue({ code: "custom", path: ["national"], message: "funding.perimeter" });
  })
  .transform((perimeter) => ({
    national: perimeter.national,
    regions: [...new Set(perimeter.regions)],
    departements: [...new Set(perimeter.departements)],
  }));

const programmeFields = {
  name: requiredText(300),
  acronym: text(80).default(""),
  instrument: text(500).default(""),
  beneficiaries: text(500).default(""),
  eligibleThemes: themesSchema.default([]),
  perimeter: perimeterSchema,
  period: text(200).default(""),
  sourceUrl: sourceUrlSchema.default(null),
  confidence: confidenceSchema.default("confirmed"),
  notes: text(5000).default(""),
};

/** A programme names an existing funder, or a new one created with it. */
export const createProgrammeInputSchema = z
  .object({
    ...programmeFields,
    funderId: idSchema.optional(),
    newFunder: z.object({ name: requiredText(200), kind: funderKindSchema }).optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.funderId === undefined) === (input.newFunder === undefined)) {
      ctx.addIssue({ code: "custom", path: ["funderId"], message: "funding.oneFunder" });
    }
  });
export type CreateProgrammeInput = z.infer<typeof createProgrammeInputSchema>;

export const updateProgrammeInputSchema = z.object({
  id: idSchema,
  version: versionSchema,
  funderId: idSchema.optional(),
  name: programmeFields.name.optional(),
  acronym: text(80).optional(),
  instrument: text(500).optional(),
  beneficiaries: text(500).optional(),
  eligibleThemes: themesSchema.optional(),
  perimeter: perimeterSchema.optional(),
  period: text(200).optional(),
  sourceUrl: sourceUrlSchema.optional(),
  confidence: confidenceSchema.optional(),
  notes: text(5000).optional(),
  /** true archives the programme (it leaves the lists, its applications stay); false restores it. */
  archived: z.boolean().optional(),
});
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeInputSchema>;

// ---- Applications ----------------------------------------------------------------------------

export const listApplicationsInputSchema = paginationSchema.extend({
  applicantTerritoryId: idSchema.optional(),
  /** The applicant or any partner of the application's project. */
  territoryId: idSchema.optional(),
  projectId: idSchema.optional(),
  programmeId: idSchema.optional(),
  status: applicationStatusSchema.optional(),
  funderId: idSchema.optional(),
  funderKind: funderKindSchema.optional(),
  /** Only those of the signed-in user's territories: filed by one of them or on a project one of them partners. */
  mine: z.boolean().optional(),
  /** Words of the project title, the programme (name or acronym) or the funder's name. */
  query: text(120).optional(),
});
export type ListApplicationsInput = z.infer<typeof listApplicationsInputSchema>;

/** The same filters without paging: totals by status over every application they select. */
export const applicationTotalsInputSchema = listApplicationsInputSchema.omit({ limit: true, offset: true });

export const applicationIdInputSchema = z.object({ id: idSchema });

/** Supporting documents are the project's own documents, tagged with the application. */
const documentIdsSchema = z
  .array(idSchema)
  .max(100)
  .transform((ids) => [...new Set(ids)]);

export const createApplicationInputSchema = z.object({
  projectId: idSchema,
  applicantTerritoryId: idSchema,
  programmeId: idSchema,
  callReference: text(200).default(""),
  eligibleBaseCents: centsSchema.nullable().default(null),
  requestedCents: centsSchema,
  submissionDeadline: dateSchema.nullable().default(null),
  spendingDeadline: dateSchema.nullable().default(null),
  multiYear: z.boolean().default(false),
  documentIds: documentIdsSchema.default([]),
});
export type CreateApplicationInput = z.infer<typeof createApplicationInputSchema>;

/** A versioned patch; the status moves only through `transition`, payments through `addPayment`. */
export const updateApplicationInputSchema = z
  .object({
    id: idSchema,
    version: versionSchema,
    callReference: text(200).optional(),
    eligibleBaseCents: centsSchema.nullable().optional(),
    requestedCents: centsSchema.optional(),
    grantedCents: centsSchema.optional(),
    submissionDeadline: dateSchema.nullable().optional(),
    submittedOn: dateSchema.nullable().optional(),
    decisionOn: dateSchema.nullable().optional(),
    agreementSignedOn: dateSchema.nullable().optional(),
    spendingDeadline: dateSchema.nullable().optional(),
    multiYear: z.boolean().optional(),
    documentIds: documentIdsSchema.optional(),
  })
  .superRefine((input, ctx) => {
    const { submittedOn, decisionOn, grantedCents, requestedCents } = input;
    if (submittedOn && decisionOn && decisionOn < submittedOn) {
      ctx.addIssue({ code: "custom", path: ["decisionOn"], message: "funding.decisionBeforeSubmission" });
    }
    if (grantedCents !== undefined && requestedCents !== undefined && grantedCents > requestedCents) {
      ctx.addIssue({ code: "custom", path: ["grantedCents"], message: "funding.grantedAboveRequested" });
    }
  });
export type UpdateApplicationInput = z.infer<typeof updateApplicationInputSchema>;

/**
 * One step of the workflow, dated and commented. Granting carries the granted amount (and only
 * granting does); closing by hand is declaring the balance final, which needs a reason.
 */
export const transitionApplicationInputSchema = z
  .object({
    id: idSchema,
    version: versionSchema,
    to: applicationStatusSchema,
    on: dateSchema,
    comment: text(2000).default(""),
    grantedCents: centsSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.to === "granted" && (input.grantedCents === undefined || input.grantedCents === 0)) {
      ctx.addIssue({ code: "custom", path: ["grantedCents"], message: "funding.grantedRequired" });
    }
    if (input.to !== "granted" && input.grantedCents !== undefined) {
      ctx.addIssue({ code: "custom", path: ["grantedCents"], message: "funding.grantedOnlyWhenGranting" });
    }
    if (input.to === "closed" && input.comment === "") {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "funding.closeNeedsComment" });
    }
  });
export type TransitionApplicationInput = z.infer<typeof transitionApplicationInputSchema>;

/**
 * A tranche paid by the funder. `version` is optional: payments are serialised on the application's
 * row lock, so two colleagues recording two tranches need not conflict; give it to be sure the
 * application did not change since it was read.
 */
export const addPaymentInputSchema = z.object({
  applicationId: idSchema,
  version: versionSchema.optional(),
  paidOn: dateSchema,
  amountCents: z.int().min(1, "funding.paymentPositive").max(100_000_000_000_000),
  reference: text(200).default(""),
});
export type AddPaymentInput = z.infer<typeof addPaymentInputSchema>;
