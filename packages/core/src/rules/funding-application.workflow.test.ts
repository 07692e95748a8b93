import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../enums/funding.ts";
import { datesSetBy, paymentProblem, transitionDateProblem } from "./funding-application.rules.ts";
import { acceptsPayments, applicationTransitions, canMoveApplication } from "./funding-application.workflow.ts";

const TERMINAL: readonly ApplicationStatus[] = ["rejected", "withdrawn", "closed"];
const status = fc.constantFrom(...APPLICATION_STATUSES);
const cents = fc.integer({ min: 1, max: 10_000_000_00 });

/** A random ISO day in the years an application lives through. */
const day = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe("cycle de vie d'une demande de financement", () => {
  it("suit brouillon → déposée → en instruction → accordée → soldée, avec le retour en dépôt pour compléments", () => {
    const path: ApplicationStatus[] = [
      "draft",
      "submitted",
      "under_review",
      "submitted",
      "under_review",
      "granted",
      "closed",
    ];
    for (let i = 1; i < path.length; i++)
      expect(canMoveApplication(path[i - 1] as ApplicationStatus, path[i] as ApplicationStatus)).toBe(true);
  });

  it("enregistre la décision (accordée ou refusée) directement depuis « déposée », sans passer par l'instruction", () => {
    expect(canMoveApplication("submitted", "granted")).toBe(true);
    expect(canMoveApplication("submitted", "rejected")).toBe(true);
    expect(canMoveApplication("draft", "rejected")).toBe(false);
  });

  it("refuse les retours en arrière et les sauts d'étape", () => {
    expect(canMoveApplication("granted", "draft")).toBe(false);
    expect(canMoveApplication("draft", "granted")).toBe(false);
    expect(canMoveApplication("granted", "rejected")).toBe(false);
    expect(canMoveApplication("granted", "withdrawn")).toBe(false);
  });

  it("les états finaux (refusée, retirée, soldée) n'ont aucune sortie", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TERMINAL), status, (from, to) => {
        expect(applicationTransitions[from]).toEqual([]);
        expect(canMoveApplication(from, to)).toBe(false);
      }),
    );
  });

  it("aucune suite d'appels ne sort du graphe, ne reste sur place ni ne quitte un état final", () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 40 }), (wanted) => {
        let current: ApplicationStatus = "draft";
        for (const next of wanted) {
          const allowed = canMoveApplication(current, next);
          expect(allowed).toBe(applicationTransitions[current].includes(next));
          if (TERMINAL.includes(current)) expect(allowed).toBe(false);
          if (allowed) {
            expect(next).not.toBe(current);
            current = next;
          }
          expect(APPLICATION_STATUSES).toContain(current);
        }
      }),
    );
  });

  it("chaque état est atteignable depuis le brouillon, et « soldée » seulement après « accordée »", () => {
    const reached = new Set<ApplicationStatus>(["draft"]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const from of [...reached]) {
        for (const to of applicationTransitions[from]) {
          if (!reached.has(to)) {
            reached.add(to);
            grew = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...APPLICATION_STATUSES].sort());
    const into = (target: ApplicationStatus) =>
      APPLICATION_STATUSES.filter((from) => applicationTransitions[from].includes(target));
    expect(into("closed")).toEqual(["granted"]);
    expect(into("granted")).toEqual(["submitted", "under_review"]);
  });
});

type Step = { kind: "move"; to: ApplicationStatus; grantedCents: number } | { kind: "pay"; amountCents: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("move" as const), to: status, grantedCents: cents }),
  fc.record({ kind: fc.constant("pay" as const), amountCents: fc.integer({ min: -1_000, max: 10_000_000_00 }) }),
);

describe("versements (modèle pur)", () => {
  it("la somme des versements acceptés ne dépasse jamais le montant accordé, et rien n'est versé hors d'une demande accordée", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let current: ApplicationStatus = "draft";
        let granted: number | null = null;
        let paid = 0;
        for (const s of steps) {
          if (s.kind === "move") {
            if (!canMoveApplication(current, s.to)) continue;
            if (s.to === "granted") granted = s.grantedCents;
            current = s.to;
            continue;
          }
          const before = current;
          const problem = paymentProblem(current, granted, paid, s.amountCents);
          if (!acceptsPayments(before)) expect(problem).toMatchObject({ rule: "notGranted" });
          if (problem) continue;
          paid += s.amountCents;
          // What the service does: the payment that completes the grant closes the application.
          if (granted !== null && paid === granted) current = "closed";
          expect(s.amountCents).toBeGreaterThan(0);
          expect(before).toBe("granted");
        }
        expect(paid).toBeLessThanOrEqual(granted ?? 0);
        if (current !== "granted" && current !== "closed") expect(paid).toBe(0);
      }),
    );
  });

  it("un versement refusé pour dépassement indique exactement le reste à verser", () => {
    fc.assert(
      fc.property(cents, fc.nat(), fc.nat(), (granted, paidRaw, amountRaw) => {
        const paid = paidRaw % (granted + 1);
        const amount = 1 + (amountRaw % (2 * granted));
        const problem = paymentProblem("granted", granted, paid, amount);
        if (amount <= granted - paid) expect(problem).toBeNull();
        else expect(problem).toEqual({ rule: "exceedsRemaining", remainingCents: granted - paid });
      }),
    );
  });

  it("refuse un montant nul, négatif ou non entier", () => {
    for (const amount of [0, -1, 1.5, Number.NaN]) {
      expect(paymentProblem("granted", 1_000, 0, amount)).toEqual({ rule: "notPositive" });
    }
  });
});

describe("dates des étapes", () => {
  it("aucune suite d'étapes datées acceptées ne place la décision avant le dépôt", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(status, day), { maxLength: 30 }), (steps) => {
        let current: ApplicationStatus = "draft";
        let dates = { submittedOn: null as string | null, decisionOn: null as string | null };
        for (const [to, on] of steps) {
          if (!canMoveApplication(current, to) || transitionDateProblem(dates, to, on)) continue;
          dates = { ...dates, ...datesSetBy(dates, to, on) };
          current = to;
          if (dates.submittedOn && dates.decisionOn) expect(dates.decisionOn >= dates.submittedOn).toBe(true);
        }
      }),
    );
  });

  it("le premier dépôt fixe la date de dépôt ; un nouvel envoi après compléments ne la déplace pas", () => {
    expect(datesSetBy({ submittedOn: null, decisionOn: null }, "submitted", "2025-03-01")).toEqual({
      submittedOn: "2025-03-01",
    });
    expect(datesSetBy({ submittedOn: "2025-03-01", decisionOn: null }, "submitted", "2025-05-01")).toEqual({});
    expect(datesSetBy({ submittedOn: "2025-03-01", decisionOn: null }, "rejected", "2025-06-01")).toEqual({
      decisionOn: "2025-06-01",
    });
    expect(transitionDateProblem({ submittedOn: "2025-03-01", decisionOn: null }, "granted", "2025-02-28")).toEqual({
      rule: "beforeSubmission",
      date: "2025-03-01",
    });
    expect(
      transitionDateProblem({ submittedOn: "2025-03-01", decisionOn: "2025-06-01" }, "closed", "2025-05-01"),
    ).toEqual({
      rule: "beforeDecision",
      date: "2025-06-01",
    });
  });
});
