import { describe, expect, it } from "vitest";
import {
  becomesLead,
  endsBeforeStart,
  formChangeProblem,
  type MembershipState,
  membershipChangeProblem,
} from "./cooperation.rules.ts";

const lead: MembershipState = { role: "lead", joinedOn: "2020-01-01", leftOn: null };
const member: MembershipState = { role: "member", joinedOn: "2021-06-01", leftOn: null };

describe("règles des membres d'une coopération", () => {
  it("le chef de file ne peut pas partir sans avoir passé la main", () => {
    expect(membershipChangeProblem(lead, { ...lead, leftOn: "2024-01-01" })).toEqual({
      field: "leftOn",
      key: "cooperation.leadCannotLeave",
    });
  });

  it("le chef de file ne peut pas se rétrograder lui-même", () => {
    expect(membershipChangeProblem(lead, { ...lead, role: "member" })?.key).toBe("cooperation.leadCannotLeave");
  });

  it("un membre sorti ne peut pas devenir chef de file", () => {
    const former = { ...member, leftOn: "2023-01-01" };
    expect(membershipChangeProblem(former, { ...former, role: "lead" })?.key).toBe("cooperation.formerCannotLead");
  });

  it("la date de sortie ne peut pas précéder l'entrée, même si seule l'une des deux change", () => {
    expect(membershipChangeProblem(member, { ...member, leftOn: "2021-01-01" })).toEqual({
      field: "leftOn",
      key: "date.endBeforeStart",
    });
    expect(membershipChangeProblem(member, { ...member, leftOn: "2021-06-01" })).toBeNull();
  });

  it("un membre peut devenir chef de file, ce qui demande de rétrograder l'ancien", () => {
    const promoted = { ...member, role: "lead" as const };
    expect(membershipChangeProblem(member, promoted)).toBeNull();
    expect(becomesLead(member, promoted)).toBe(true);
    expect(becomesLead(lead, { ...lead, joinedOn: "2019-01-01" })).toBe(false);
  });

  it("un membre ordinaire peut partir ou changer de rôle", () => {
    expect(membershipChangeProblem(member, { ...member, role: "associate" })).toBeNull();
    expect(membershipChangeProblem(member, { ...member, leftOn: "2025-01-01" })).toBeNull();
  });

  it("des bornes ouvertes ne se contredisent jamais", () => {
    expect(endsBeforeStart(null, "2020-01-01")).toBe(false);
    expect(endsBeforeStart("2020-01-01", null)).toBe(false);
    expect(endsBeforeStart("2020-01-02", "2020-01-01")).toBe(true);
  });
});

describe("changement de forme d'engagement", () => {
  const current = { engagementForm: "convention" as const, fromOn: "2022-03-01" };

  it("refuse de « changer » pour la même forme", () => {
    expect(formChangeProblem(current, { engagementForm: "convention", changedOn: "2024-01-01" })?.field).toBe(
      "engagementForm",
    );
  });

  it("refuse une date antérieure au début de la forme actuelle", () => {
    expect(formChangeProblem(current, { engagementForm: "pnr", changedOn: "2022-02-28" })).toEqual({
      field: "changedOn",
      key: "cooperation.formChangeTooEarly",
      params: { date: "2022-03-01" },
    });
  });

  it("accepte une autre forme à partir du début de la forme actuelle", () => {
    expect(formChangeProblem(current, { engagementForm: "pnr", changedOn: "2022-03-01" })).toBeNull();
    expect(
      formChangeProblem({ ...current, fromOn: null }, { engagementForm: "pnr", changedOn: "1990-01-01" }),
    ).toBeNull();
  });
});
