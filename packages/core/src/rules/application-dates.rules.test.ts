import { describe, expect, it } from "vitest";
import { applicationDates, type BoardApplicationDates } from "./application-dates.rules.ts";

const TODAY = "2026-11-26";
const none: BoardApplicationDates = {
  status: "draft",
  submissionDeadline: null,
  submittedOn: null,
  decisionOn: null,
  spendingDeadline: null,
};

describe("dates d'une demande de financement sur le tableau", () => {
  it("un brouillon montre sa date limite de dépôt, en retard seulement une fois passée", () => {
    expect(applicationDates({ ...none, submissionDeadline: "2026-11-25" }, TODAY)).toEqual([
      { kind: "submissionDeadline", on: "2026-11-25", overdue: true },
    ]);
    expect(applicationDates({ ...none, submissionDeadline: TODAY }, TODAY)).toEqual([
      { kind: "submissionDeadline", on: TODAY, overdue: false },
    ]);
  });

  it("une fois déposée, la date limite de dépôt ne compte plus ; dépôt et décision suivent dans l'ordre", () => {
    const dates = applicationDates(
      {
        status: "rejected",
        submissionDeadline: "2026-01-31",
        submittedOn: "2026-01-15",
        decisionOn: "2026-05-02",
        spendingDeadline: "2027-12-31",
      },
      TODAY,
    );
    expect(dates).toEqual([
      { kind: "submittedOn", on: "2026-01-15", overdue: false },
      { kind: "decisionOn", on: "2026-05-02", overdue: false },
    ]);
  });

  it("une aide accordée montre sa date limite de dépenses, en retard une fois passée ; soldée, plus jamais", () => {
    const granted = { ...none, status: "granted" as const, spendingDeadline: "2026-11-01" };
    expect(applicationDates(granted, TODAY)).toEqual([{ kind: "spendingDeadline", on: "2026-11-01", overdue: true }]);
    expect(applicationDates({ ...granted, status: "closed" }, TODAY)).toEqual([
      { kind: "spendingDeadline", on: "2026-11-01", overdue: false },
    ]);
    expect(applicationDates({ ...granted, status: "submitted" }, TODAY)).toEqual([]);
  });
});
