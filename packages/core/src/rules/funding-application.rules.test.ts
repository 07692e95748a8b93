import { describe, expect, it } from "vitest";
import { canManageApplication, formatEuros, fundingRate, remainingCents } from "./funding-application.rules.ts";

const APPLICANT = "0b6a3a4e-8f5e-4a57-9d43-2f7b8f0d1c11";
const LEAD = "1c7b4b5f-9f6f-4b68-8e54-3f8c9f1e2d22";
const OTHER = "2d8c5c60-a070-4c79-9f65-409da02f3e33";
const actor = (territoryId: string, role: "viewer" | "editor" | "admin") => ({
  userId: "u",
  isInstanceAdmin: false,
  memberships: [{ territoryId, role }],
});

describe("règles d'une demande de financement", () => {
  it("le taux est la part de l'assiette éligible, au centième de pourcent", () => {
    expect(fundingRate(40_000_00, 100_000_00)).toBe(40);
    expect(fundingRate(1, 3)).toBe(33.33);
    expect(fundingRate(10, null)).toBeNull();
    expect(fundingRate(10, 0)).toBeNull();
    expect(fundingRate(null, 100)).toBeNull();
  });

  it("le reste à verser ne descend pas sous zéro", () => {
    expect(remainingCents(100, 30)).toBe(70);
    expect(remainingCents(null, 0)).toBe(0);
    expect(remainingCents(100, 130)).toBe(0);
  });

  it("écrit les montants en euros, sans centimes quand ils sont ronds", () => {
    const whole = formatEuros(120_000_00);
    expect(whole.fr.replace(/\s/g, " ")).toBe("120 000 €");
    expect(whole.en).toBe("€120,000");
    expect(formatEuros(12_345).fr.replace(/\s/g, " ")).toBe("123,45 €");
  });

  it("les éditeurs du demandeur ou du chef de file gèrent la demande, pas les lecteurs ni les autres", () => {
    const stored = { applicantTerritoryId: APPLICANT, leadTerritoryId: LEAD };
    expect(canManageApplication(actor(APPLICANT, "editor"), stored)).toBe(true);
    expect(canManageApplication(actor(LEAD, "admin"), stored)).toBe(true);
    expect(canManageApplication(actor(APPLICANT, "viewer"), stored)).toBe(false);
    expect(canManageApplication(actor(OTHER, "admin"), stored)).toBe(false);
    expect(canManageApplication({ userId: "u", isInstanceAdmin: true, memberships: [] }, stored)).toBe(true);
  });
});
