import { createHash, randomUUID } from "node:crypto";
import { todayInFrance } from "@trame/core";
import { insertDocument } from "@trame/db";
import { describe, expect, it } from "vitest";
import { fundingWorld, makeProgramme } from "./support/application-fixtures.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { makeUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
const spaces = (text: string) => text.replace(/\s/g, " ");

async function makeDocument(projectId: string) {
  const user = await makeUser(db());
  const content = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
  return insertDocument(db(), {
    id: randomUUID(),
    projectId,
    actionId: null,
    name: `Délibération ${randomUUID().slice(0, 6)}.pdf`,
    mimeType: "application/pdf",
    sha256: createHash("sha256").update(content).digest("hex"),
    sizeBytes: content.byteLength,
    uploadedBy: user.id,
  });
}

describe("demande de financement : création et lecture", () => {
  it("crée un brouillon daté du jour, avec son taux, son historique, son audit et une ligne sur chaque frise", async () => {
    const w = await fundingWorld(db());
    const created = await w.createApplication({ multiYear: true });
    expect(created).toMatchObject({
      status: "draft",
      project: { id: w.project.id, title: w.project.title },
      applicant: { id: w.partner.id, name: w.partner.name },
      lead: { id: w.lead.id, name: w.lead.name },
      programme: { id: w.programme.id, acronym: w.programme.acronym, confidence: "confirmed" },
      funder: { kind: "state" },
      callReference: "FV-2025-033",
      eligibleBaseCents: 50_000_000,
      requestedCents: 20_000_000,
      grantedCents: null,
      paidCents: 0,
      remainingCents: 0,
      requestedRate: 40,
      grantedRate: null,
      submissionDeadline: "2025-03-31",
      multiYear: true,
      version: 1,
      payments: [],
      documents: [],
    });
    expect(created.transitions).toEqual([
      expect.objectContaining({ from: null, to: "draft", on: todayInFrance(), comment: "", actor: expect.any(Object) }),
    ]);
    const viewer = await w.as("leadViewer");
    expect(await viewer.funding.getApplication({ id: created.id })).toEqual(created);
    const history = await viewer.audit.history({ entityType: "funding_application", entityId: created.id });
    expect(history.map((h) => h.action)).toEqual(["created"]);
    const feed = await viewer.timeline.territory({ territoryId: w.cofunder.id, kinds: ["funding_status"] });
    expect(feed.items.map((e) => spaces(e.title))).toEqual([
      `${w.programme.acronym} : demande en préparation (200 000 €)`,
    ]);
  });

  it("le chef de file dépose aussi pour un partenaire ; un partenaire ni demandeur ni chef de file, un lecteur et un autre territoire ne le peuvent pas", async () => {
    const w = await fundingWorld(db());
    const byLead = await (await w.as("leadEditor")).funding.createApplication(w.applicationArgs());
    expect(byLead.applicant.id).toBe(w.partner.id);
    for (const caller of [await w.as("outsiderEditor"), await w.as("partnerViewer"), w.cofunderEditor]) {
      const refused = await failure(caller.funding.createApplication(w.applicationArgs()));
      expect(refused.code).toBe("FORBIDDEN");
    }
    const ownApplication = await w.cofunderEditor.funding.createApplication(
      w.applicationArgs({ applicantTerritoryId: w.cofunder.id }),
    );
    expect(ownApplication.applicant.id).toBe(w.cofunder.id);
  });

  it("refuse des montants négatifs ou non entiers, un dispositif ou un projet inconnus, un demandeur non partenaire", async () => {
    const w = await fundingWorld(db());
    const editor = await w.as("partnerEditor");
    const amounts = await failure(
      editor.funding.createApplication(w.applicationArgs({ requestedCents: -100, eligibleBaseCents: 10.5 })),
    );
    expect(amounts.code).toBe("BAD_REQUEST");
    expect(fieldsOf(amounts.payload).sort()).toEqual(["eligibleBaseCents", "requestedCents"]);
    const programme = await failure(editor.funding.createApplication(w.applicationArgs({ programmeId: randomUUID() })));
    expect(programme.code).toBe("NOT_FOUND");
    expect(fieldsOf(programme.payload)).toEqual(["programmeId"]);
    const project = await failure(editor.funding.createApplication(w.applicationArgs({ projectId: randomUUID() })));
    expect(project.code).toBe("NOT_FOUND");
    expect(fieldsOf(project.payload)).toEqual(["projectId"]);
    const admin = await w.as("instanceAdmin");
    const outsider = await failure(
      admin.funding.createApplication(w.applicationArgs({ applicantTerritoryId: w.outsider.id })),
    );
    expect(outsider.code).toBe("BAD_REQUEST");
    expect(outsider.payload.fields).toEqual([
      {
        field: "applicantTerritoryId",
        message: {
          fr: "Le territoire demandeur doit être partenaire du projet",
          en: "The applicant territory must be a partner of the project",
        },
      },
    ]);
    const archived = await makeProgramme(db());
    await db()
      .updateTable("funding_programmes")
      .set({ archived_at: new Date().toISOString() })
      .where("id", "=", archived.id)
      .execute();
    const closedProgramme = await failure(
      editor.funding.createApplication(w.applicationArgs({ programmeId: archived.id })),
    );
    expect(closedProgramme.code).toBe("PRECONDITION_FAILED");
    expect(fieldsOf(closedProgramme.payload)).toEqual(["programmeId"]);
  });

  it("joint des documents du projet, et refuse celui d'un autre projet en nommant l'entrée", async () => {
    const w = await fundingWorld(db());
    const [own, foreign] = await Promise.all([
      makeDocument(w.project.id),
      w.createProject().then((other) => makeDocument(other.id)),
    ]);
    const created = await w.createApplication({ documentIds: [own.id] });
    expect(created.documents).toEqual([
      { id: own.id, name: own.name, mimeType: "application/pdf", sizeBytes: own.sizeBytes },
    ]);
    const editor = await w.as("partnerEditor");
    const refused = await failure(
      editor.funding.updateApplication({ id: created.id, version: 1, documentIds: [own.id, foreign.id] }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(fieldsOf(refused.payload)).toEqual(["documentIds.1"]);
    const detached = await editor.funding.updateApplication({ id: created.id, version: 1, documentIds: [] });
    expect(detached.documents).toEqual([]);
  });

  it("filtre la liste par demandeur, territoire partenaire, projet, dispositif, statut et type de financeur", async () => {
    const w = await fundingWorld(db());
    const mine = await w.createApplication();
    const other = await makeProgramme(db(), { eligibleThemes: ["water"] });
    const byCofunder = await w.cofunderEditor.funding.createApplication(
      w.applicationArgs({ applicantTerritoryId: w.cofunder.id, programmeId: other.id }),
    );
    await w.moveTo(byCofunder, "submitted", w.cofunderEditor);
    const viewer = await w.as("leadViewer");
    const ids = async (input: Parameters<typeof viewer.funding.applications>[0]) =>
      (await viewer.funding.applications(input)).items.map((a) => a.id).sort();
    expect(await ids({ applicantTerritoryId: w.partner.id })).toEqual([mine.id]);
    expect(await ids({ territoryId: w.lead.id })).toEqual([mine.id, byCofunder.id].sort());
    expect(await ids({ projectId: w.project.id, status: "submitted" })).toEqual([byCofunder.id]);
    expect(await ids({ programmeId: w.programme.id })).toEqual([mine.id]);
    expect(await ids({ projectId: w.project.id, funderKind: "eu" })).toEqual([]);
    const page = await viewer.funding.applications({ projectId: w.project.id, limit: 1 });
    expect(page).toMatchObject({ total: 2, items: [expect.objectContaining({ id: byCofunder.id })] });
  });

  it("« mes demandes » ne garde que celles des territoires de l'utilisateur ; filtre aussi par financeur et par mots", async () => {
    const w = await fundingWorld(db());
    const mine = await w.createApplication();
    const elsewhere = await fundingWorld(db());
    const theirs = await elsewhere.createApplication();
    const viewer = await w.as("leadViewer");
    const ids = async (input: Parameters<typeof viewer.funding.applications>[0]) =>
      (await viewer.funding.applications(input)).items.map((a) => a.id).sort();
    // Both projects are open to the network: the viewer reads the other one, which is not theirs.
    expect(await ids({ query: elsewhere.project.title })).toEqual([theirs.id]);
    expect(await ids({ mine: true, query: elsewhere.project.title })).toEqual([]);
    expect(await ids({ mine: true, query: w.project.title })).toEqual([mine.id]);
    expect(await ids({ funderId: mine.funder.id })).toEqual([mine.id]);
    expect(await ids({ funderId: theirs.funder.id, mine: true })).toEqual([]);
    expect(await ids({ query: w.programme.acronym.toUpperCase() })).toEqual([mine.id]);
    expect(await ids({ query: "100 %" })).toEqual([]);
    const admin = await w.as("instanceAdmin");
    expect((await admin.funding.applications({ mine: true })).total).toBe(0);
  });

  it("cache les demandes d'un projet réservé, et leur historique, à qui n'en est pas partenaire", async () => {
    const w = await fundingWorld(db());
    const project = await w.createProject({ visibility: "partners" });
    const hidden = await w.createApplication({ projectId: project.id });
    const outsider = await w.as("outsiderEditor");
    expect((await outsider.funding.applications({ projectId: project.id })).total).toBe(0);
    expect((await failure(outsider.funding.getApplication({ id: hidden.id }))).code).toBe("NOT_FOUND");
    const audit = await failure(outsider.audit.history({ entityType: "funding_application", entityId: hidden.id }));
    expect(audit.code).toBe("NOT_FOUND");
    const update = await failure(outsider.funding.updateApplication({ id: hidden.id, version: 1, callReference: "x" }));
    expect(update.code).toBe("NOT_FOUND");
    expect((await (await w.as("partnerViewer")).funding.getApplication({ id: hidden.id })).id).toBe(hidden.id);
  });
});

describe("demande de financement : modification", () => {
  it("modifie montants, dates et référence sur la version lue, audit compris ; une version périmée reçoit CONFLICT", async () => {
    const w = await fundingWorld(db());
    const created = await w.createApplication();
    const editor = await w.as("leadEditor");
    const updated = await editor.funding.updateApplication({
      id: created.id,
      version: 1,
      callReference: "FV-2025-034",
      requestedCents: 25_000_000,
      submittedOn: "2025-03-10",
      spendingDeadline: "2028-12-31",
    });
    expect(updated).toMatchObject({
      callReference: "FV-2025-034",
      requestedRate: 50,
      version: 2,
      submittedOn: "2025-03-10",
    });
    const stale = await failure(
      (await w.as("partnerEditor")).funding.updateApplication({ id: created.id, version: 1, callReference: "autre" }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.payload.current).toMatchObject({ version: 2, callReference: "FV-2025-034" });
    const history = await editor.audit.history({ entityType: "funding_application", entityId: created.id });
    expect(history[0]).toMatchObject({
      action: "updated",
      before: { callReference: "FV-2025-033", version: 1 },
      after: { callReference: "FV-2025-034", version: 2 },
    });
  });

  it("refuse une décision avant le dépôt enregistré, et un montant accordé hors accord, en nommant le champ", async () => {
    const w = await fundingWorld(db());
    const created = await w.createApplication();
    const editor = await w.as("partnerEditor");
    await editor.funding.updateApplication({ id: created.id, version: 1, submittedOn: "2025-03-10" });
    const decision = await failure(
      editor.funding.updateApplication({ id: created.id, version: 2, decisionOn: "2025-03-01" }),
    );
    expect(decision.code).toBe("BAD_REQUEST");
    expect(decision.payload.fields).toEqual([
      {
        field: "decisionOn",
        message: {
          fr: "La date de décision ne peut pas précéder la date de dépôt (2025-03-10)",
          en: "The decision date cannot be before the submission date (2025-03-10)",
        },
      },
    ]);
    const granted = await failure(editor.funding.updateApplication({ id: created.id, version: 2, grantedCents: 100 }));
    expect(fieldsOf(granted.payload)).toEqual(["grantedCents"]);
    const inPatch = await failure(
      editor.funding.updateApplication({ id: created.id, version: 2, requestedCents: 10, grantedCents: 11 }),
    );
    expect(fieldsOf(inPatch.payload)).toEqual(["grantedCents"]);
  });

  it("une fois accordée, le montant accordé reste entre le déjà versé et le demandé ; soldée, les montants sont figés", async () => {
    const w = await fundingWorld(db());
    const granted = await w.moveTo(await w.createApplication(), "granted");
    const editor = await w.as("partnerEditor");
    const paid = await editor.funding.addPayment({
      applicationId: granted.id,
      paidOn: "2025-07-01",
      amountCents: 5_000_000,
    });
    const above = await failure(
      editor.funding.updateApplication({ id: paid.id, version: paid.version, grantedCents: 20_000_001 }),
    );
    expect(fieldsOf(above.payload)).toEqual(["grantedCents"]);
    const lowered = await failure(
      editor.funding.updateApplication({ id: paid.id, version: paid.version, requestedCents: 1 }),
    );
    expect(fieldsOf(lowered.payload)).toEqual(["requestedCents"]);
    const belowPaid = await failure(
      editor.funding.updateApplication({ id: paid.id, version: paid.version, grantedCents: 4_000_000 }),
    );
    expect(fieldsOf(belowPaid.payload)).toEqual(["grantedCents"]);
    expect(spaces(belowPaid.payload.message.fr)).toContain("50 000 €");
    const amended = await editor.funding.updateApplication({
      id: paid.id,
      version: paid.version,
      grantedCents: 10_000_000,
    });
    expect(amended).toMatchObject({ grantedCents: 10_000_000, grantedRate: 20, remainingCents: 5_000_000 });

    const closed = await editor.funding.transition({
      id: amended.id,
      version: amended.version,
      to: "closed",
      on: "2025-12-31",
      comment: "Solde déclaré définitif par le financeur",
    });
    expect(closed).toMatchObject({ status: "closed", remainingCents: 0 });
    const frozen = await failure(
      editor.funding.updateApplication({ id: closed.id, version: closed.version, requestedCents: 1 }),
    );
    expect(frozen.code).toBe("PRECONDITION_FAILED");
    expect(fieldsOf(frozen.payload)).toEqual(["requestedCents"]);
    const note = await editor.funding.updateApplication({
      id: closed.id,
      version: closed.version,
      callReference: "archivé",
    });
    expect(note.callReference).toBe("archivé");
  });

  it("seuls les éditeurs du demandeur ou du chef de file modifient la demande", async () => {
    const w = await fundingWorld(db());
    const created = await w.createApplication();
    for (const caller of [
      await w.as("outsiderEditor"),
      await w.as("partnerViewer"),
      await w.as("leadViewer"),
      w.cofunderEditor,
    ]) {
      const refused = await failure(
        caller.funding.updateApplication({ id: created.id, version: 1, callReference: "x" }),
      );
      expect(refused.code).toBe("FORBIDDEN");
    }
    const missing = await failure(
      (await w.as("partnerEditor")).funding.updateApplication({ id: randomUUID(), version: 1 }),
    );
    expect(missing.code).toBe("NOT_FOUND");
  });
});
