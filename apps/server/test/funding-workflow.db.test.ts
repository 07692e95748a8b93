import { APPLICATION_STATUSES, type ApplicationStatus, applicationTransitions } from "@trame/core";
import { describe, expect, it } from "vitest";
import { FULLY_PAID_COMMENT } from "../src/services/funding-payment.service.ts";
import { fundingWorld } from "./support/application-fixtures.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
const spaces = (text: string) => text.replace(/\s/g, " ");

const paymentsOf = async (applicationId: string) =>
  db().selectFrom("funding_payments").select(["amount_cents"]).where("application_id", "=", applicationId).execute();

describe("demande de financement : cycle de vie", () => {
  it("va du brouillon au solde en passant par une demande de compléments, chaque étape datée, attribuée et gardée", async () => {
    const w = await fundingWorld(db());
    const editor = await w.as("partnerEditor");
    let app = await w.createApplication();
    const steps: Array<[ApplicationStatus, string, string]> = [
      ["submitted", "2025-03-01", "Dépôt sur la plateforme"],
      ["under_review", "2025-03-15", "Accusé de réception"],
      ["submitted", "2025-04-02", "Compléments envoyés : plan de financement révisé"],
      ["under_review", "2025-04-10", ""],
    ];
    for (const [to, on, comment] of steps)
      app = await editor.funding.transition({ id: app.id, version: app.version, to, on, comment });
    app = await (await w.as("leadEditor")).funding.transition({
      id: app.id,
      version: app.version,
      to: "granted",
      on: "2025-06-20",
      comment: "Arrêté attributif",
      grantedCents: 12_000_000,
    });
    expect(app).toMatchObject({
      status: "granted",
      submittedOn: "2025-03-01",
      decisionOn: "2025-06-20",
      grantedCents: 12_000_000,
      grantedRate: 24,
      remainingCents: 12_000_000,
    });
    app = await editor.funding.addPayment({
      applicationId: app.id,
      paidOn: "2025-09-01",
      amountCents: 5_000_000,
      reference: "Avance",
    });
    expect(app).toMatchObject({ status: "granted", paidCents: 5_000_000, remainingCents: 7_000_000 });
    app = await editor.funding.addPayment({
      applicationId: app.id,
      version: app.version,
      paidOn: "2026-02-15",
      amountCents: 7_000_000,
    });
    expect(app).toMatchObject({ status: "closed", paidCents: 12_000_000, remainingCents: 0 });
    expect(app.payments.map((p) => [p.paidOn, p.amountCents, p.reference])).toEqual([
      ["2025-09-01", 5_000_000, "Avance"],
      ["2026-02-15", 7_000_000, ""],
    ]);
    expect(app.transitions.map((t) => [t.from, t.to, t.on, t.comment])).toEqual([
      [null, "draft", expect.any(String), ""],
      ["draft", "submitted", "2025-03-01", "Dépôt sur la plateforme"],
      ["submitted", "under_review", "2025-03-15", "Accusé de réception"],
      ["under_review", "submitted", "2025-04-02", "Compléments envoyés : plan de financement révisé"],
      ["submitted", "under_review", "2025-04-10", ""],
      ["under_review", "granted", "2025-06-20", "Arrêté attributif"],
      ["granted", "closed", "2026-02-15", FULLY_PAID_COMMENT],
    ]);
    expect(app.transitions.every((t) => t.actor !== null)).toBe(true);
    const history = await editor.audit.history({ entityType: "funding_application", entityId: app.id, limit: 20 });
    expect(history.map((h) => h.action).reverse()).toEqual([
      "created",
      ...Array(5).fill("status_changed"),
      "payment_added",
      "payment_added",
    ]);
    expect(history[0]).toMatchObject({ after: { status: "closed", paidCents: 12_000_000 } });
  });

  it("enregistre l'accord directement depuis « déposée », en un seul appel daté, avec son montant et son entrée de frise", async () => {
    const w = await fundingWorld(db());
    const editor = await w.as("partnerEditor");
    const submitted = await w.moveTo(await w.createApplication(), "submitted");
    const granted = await editor.funding.transition({
      id: submitted.id,
      version: submitted.version,
      to: "granted",
      on: "2025-05-12",
      comment: "Arrêté attributif reçu sans phase d'instruction annoncée",
      grantedCents: 9_000_000,
    });
    expect(granted).toMatchObject({
      status: "granted",
      submittedOn: "2025-03-01",
      decisionOn: "2025-05-12",
      grantedCents: 9_000_000,
      version: submitted.version + 1,
    });
    expect(granted.transitions.at(-1)).toMatchObject({ from: "submitted", to: "granted", on: "2025-05-12" });
    const entries = (
      await (await w.as("instanceAdmin")).timeline.territory({ territoryId: w.partner.id, kinds: ["funding_status"] })
    ).items.filter((e) => e.detail.applicationId === granted.id);
    expect(entries.map((e) => e.detail.to).sort()).toEqual(["draft", "granted", "submitted"]);
    const grant = entries.find((e) => e.detail.to === "granted");
    expect(spaces(grant?.title ?? "")).toBe(`${w.programme.acronym} : demande accordée (90 000 €)`);
    expect(grant).toMatchObject({ occurredOn: "2025-05-12", detail: { from: "submitted", to: "granted" } });

    // A refusal from the same status is one dated call too; the decision cannot precede the submission.
    const other = await w.moveTo(await w.createApplication(), "submitted");
    const early = await failure(
      editor.funding.transition({ id: other.id, version: other.version, to: "rejected", on: "2025-02-01" }),
    );
    expect(fieldsOf(early.payload)).toEqual(["on"]);
    const rejected = await editor.funding.transition({
      id: other.id,
      version: other.version,
      to: "rejected",
      on: "2025-04-30",
    });
    expect(rejected).toMatchObject({ status: "rejected", decisionOn: "2025-04-30" });
  });

  it("refuse chaque passage hors du graphe avec PRECONDITION_FAILED et les étapes permises", async () => {
    const w = await fundingWorld(db());
    const editor = await w.as("partnerEditor");
    for (const from of APPLICATION_STATUSES) {
      const app = await w.moveTo(await w.createApplication(), from);
      expect(app.status).toBe(from);
      for (const to of APPLICATION_STATUSES.filter((s) => !applicationTransitions[from].includes(s))) {
        const refused = await failure(
          editor.funding.transition({
            id: app.id,
            version: app.version,
            to,
            on: "2026-01-15",
            comment: "essai",
            ...(to === "granted" ? { grantedCents: 1 } : {}),
          }),
        );
        expect(refused.code, `${from} → ${to}`).toBe("PRECONDITION_FAILED");
        expect(refused.payload.allowed).toEqual(applicationTransitions[from]);
      }
      expect((await editor.funding.getApplication({ id: app.id })).version).toBe(app.version);
    }
  });

  it("nomme le champ fautif : étape datée avant le dépôt, accord sans montant ou au-dessus de la demande, solde sans commentaire", async () => {
    const w = await fundingWorld(db());
    const editor = await w.as("partnerEditor");
    const review = await w.moveTo(await w.createApplication(), "under_review");
    const base = { id: review.id, version: review.version };
    const early = await failure(
      editor.funding.transition({ ...base, to: "granted", on: "2025-02-01", grantedCents: 100 }),
    );
    expect(early.code).toBe("BAD_REQUEST");
    expect(early.payload.fields).toEqual([
      {
        field: "on",
        message: {
          fr: "Cette étape ne peut pas précéder le dépôt de la demande (2025-03-01)",
          en: "This step cannot be dated before the application was submitted (2025-03-01)",
        },
      },
    ]);
    const noAmount = await failure(editor.funding.transition({ ...base, to: "granted", on: "2025-06-01" }));
    expect(fieldsOf(noAmount.payload)).toEqual(["grantedCents"]);
    const tooMuch = await failure(
      editor.funding.transition({ ...base, to: "granted", on: "2025-06-01", grantedCents: 20_000_001 }),
    );
    expect(tooMuch.code).toBe("BAD_REQUEST");
    expect(fieldsOf(tooMuch.payload)).toEqual(["grantedCents"]);
    expect(spaces(tooMuch.payload.message.fr)).toBe(
      "Le montant accordé (200 000,01 €) dépasse le montant demandé (200 000 €)",
    );
    const granted = await w.moveTo(await w.createApplication(), "granted");
    const silent = await failure(
      editor.funding.transition({ id: granted.id, version: granted.version, to: "closed", on: "2025-12-01" }),
    );
    expect(fieldsOf(silent.payload)).toEqual(["comment"]);
    const badDate = await failure(
      editor.funding.transition({
        id: granted.id,
        version: granted.version,
        to: "closed",
        on: "2025-02-30",
        comment: "x",
      }),
    );
    expect(fieldsOf(badDate.payload)).toEqual(["on"]);
  });

  it("réserve les étapes aux éditeurs du demandeur ou du chef de file, sur la version lue", async () => {
    const w = await fundingWorld(db());
    const app = await w.createApplication();
    const step = { id: app.id, version: 1, to: "submitted" as const, on: "2025-03-01" };
    for (const caller of [await w.as("outsiderEditor"), await w.as("partnerViewer"), w.cofunderEditor]) {
      expect((await failure(caller.funding.transition(step))).code).toBe("FORBIDDEN");
    }
    const done = await (await w.as("leadEditor")).funding.transition(step);
    expect(done.version).toBe(2);
    const stale = await failure((await w.as("partnerEditor")).funding.transition({ ...step, to: "withdrawn" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.payload.current).toMatchObject({ status: "submitted", version: 2 });
  });

  it("montre chaque étape sur la frise du demandeur et de chaque partenaire, pas sur celle d'un autre territoire", async () => {
    const w = await fundingWorld(db());
    const granted = await w.moveTo(await w.createApplication(), "granted");
    const admin = await w.as("instanceAdmin");
    const feed = async (territoryId: string) =>
      (await admin.timeline.territory({ territoryId, kinds: ["funding_status"] })).items.filter(
        (e) => e.detail.applicationId === granted.id,
      );
    for (const territory of [w.partner, w.lead, w.cofunder]) {
      const entries = await feed(territory.id);
      // Newest first by date: the draft is dated the day it was entered, the later steps by their own dates.
      expect(entries.map((e) => e.detail.to)).toEqual(["draft", "granted", "under_review", "submitted"]);
      const grant = entries.find((e) => e.detail.to === "granted");
      expect(spaces(grant?.title ?? "")).toBe(`${w.programme.acronym} : demande accordée (120 000 €)`);
      expect(grant).toMatchObject({
        occurredOn: "2025-06-01",
        project: { id: w.project.id },
        detail: {
          from: "under_review",
          to: "granted",
          applicant: { id: w.partner.id, name: w.partner.name },
          amounts: { requestedCents: 20_000_000, grantedCents: 12_000_000, paidCents: 0 },
        },
      });
    }
    expect(await feed(w.outsider.id)).toEqual([]);
  });
});

describe("versements", () => {
  it("ne s'enregistrent que sur une demande accordée : jamais sur une demande refusée, en brouillon ou déclarée soldée", async () => {
    const w = await fundingWorld(db());
    const editor = await w.as("partnerEditor");
    for (const status of ["draft", "submitted", "under_review", "rejected", "withdrawn", "closed"] as const) {
      const app = await w.moveTo(await w.createApplication(), status);
      const refused = await failure(
        editor.funding.addPayment({ applicationId: app.id, paidOn: "2026-01-10", amountCents: 100 }),
      );
      expect(refused.code, status).toBe("PRECONDITION_FAILED");
      expect(await paymentsOf(app.id)).toEqual([]);
    }
  });

  it("refusent un montant au-delà du reste à verser (en le citant), nul, négatif, non entier, ou daté avant la décision", async () => {
    const w = await fundingWorld(db());
    const editor = await w.as("partnerEditor");
    const granted = await w.moveTo(await w.createApplication(), "granted");
    await editor.funding.addPayment({ applicationId: granted.id, paidOn: "2025-07-01", amountCents: 5_000_000 });
    const above = await failure(
      editor.funding.addPayment({ applicationId: granted.id, paidOn: "2025-08-01", amountCents: 7_000_001 }),
    );
    expect(above.code).toBe("BAD_REQUEST");
    expect(fieldsOf(above.payload)).toEqual(["amountCents"]);
    expect(spaces(above.payload.message.fr)).toBe("Le versement (70 000,01 €) dépasse le reste à verser (70 000 €)");
    for (const amountCents of [0, -5, 12.5]) {
      const bad = await failure(
        editor.funding.addPayment({ applicationId: granted.id, paidOn: "2025-08-01", amountCents }),
      );
      expect(bad.code).toBe("BAD_REQUEST");
      expect(fieldsOf(bad.payload)).toEqual(["amountCents"]);
    }
    const early = await failure(
      editor.funding.addPayment({ applicationId: granted.id, paidOn: "2025-05-31", amountCents: 100 }),
    );
    expect(fieldsOf(early.payload)).toEqual(["paidOn"]);
    expect(await paymentsOf(granted.id)).toHaveLength(1);
  });

  it("sont réservés aux éditeurs du demandeur ou du chef de file ; une version donnée et périmée reçoit CONFLICT", async () => {
    const w = await fundingWorld(db());
    const granted = await w.moveTo(await w.createApplication(), "granted");
    const payment = { applicationId: granted.id, paidOn: "2025-07-01", amountCents: 100 };
    for (const caller of [await w.as("outsiderEditor"), await w.as("leadViewer"), w.cofunderEditor]) {
      expect((await failure(caller.funding.addPayment(payment))).code).toBe("FORBIDDEN");
    }
    const paid = await (await w.as("leadEditor")).funding.addPayment({ ...payment, version: granted.version });
    expect(paid.version).toBe(granted.version + 1);
    const stale = await failure(
      (await w.as("partnerEditor")).funding.addPayment({ ...payment, version: granted.version }),
    );
    expect(stale.code).toBe("CONFLICT");
  });

  it("dix versements simultanés ne dépassent jamais ensemble le montant accordé ; les refusés reçoivent une erreur claire", async () => {
    const w = await fundingWorld(db());
    const granted = await w.moveTo(await w.createApplication(), "granted");
    const editor = await w.as("partnerEditor");
    // 120 000 € granted, ten tranches of 25 000 €: four fit, the fifth would overshoot.
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        editor.funding
          .addPayment({ applicationId: granted.id, paidOn: "2025-07-01", amountCents: 2_500_000, reference: `T${i}` })
          .then(
            () => ({ ok: true as const }),
            (error: unknown) => failure(Promise.reject(error)).then((refused) => ({ ok: false as const, refused })),
          ),
      ),
    );
    const accepted = outcomes.filter((o) => o.ok).length;
    expect(accepted).toBe(4);
    for (const outcome of outcomes) {
      if (outcome.ok) continue;
      expect(outcome.refused.code).toBe("BAD_REQUEST");
      expect(fieldsOf(outcome.refused.payload)).toEqual(["amountCents"]);
      expect(spaces(outcome.refused.payload.message.fr)).toContain("reste à verser (20 000 €)");
    }
    const stored = await paymentsOf(granted.id);
    expect(stored.reduce((sum, p) => sum + Number(p.amount_cents), 0)).toBe(10_000_000);
    const after = await editor.funding.getApplication({ id: granted.id });
    expect(after).toMatchObject({ status: "granted", paidCents: 10_000_000, remainingCents: 2_000_000 });
    expect(after.version).toBe(granted.version + 4);
  });

  it("quand des versements simultanés soldent la demande, elle passe une seule fois à « soldée » et les suivants sont refusés", async () => {
    const w = await fundingWorld(db());
    const granted = await w.moveTo(await w.createApplication(), "granted");
    const editor = await w.as("partnerEditor");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        editor.funding.addPayment({ applicationId: granted.id, paidOn: "2025-07-01", amountCents: 3_000_000 }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(4);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected")
        expect((await failure(Promise.reject(outcome.reason))).code).toBe("PRECONDITION_FAILED");
    }
    const after = await editor.funding.getApplication({ id: granted.id });
    expect(after).toMatchObject({ status: "closed", paidCents: 12_000_000 });
    expect(after.transitions.filter((t) => t.to === "closed")).toHaveLength(1);
  });
});
