import { describe, expect, it } from "vitest";
import type { Actor } from "./access.rules.ts";
import { canEditProject, canSetPartners, canViewProject, type StoredProjectAccess } from "./project-access.rules.ts";

const actor = (territoryId: string, role: "viewer" | "editor" | "admin"): Actor => ({
  userId: "u",
  isInstanceAdmin: false,
  memberships: [{ territoryId, role }],
});
const project = (visibility: StoredProjectAccess["visibility"]): StoredProjectAccess => ({
  visibility,
  partners: [
    { territoryId: "mtp", role: "lead" },
    { territoryId: "cchv", role: "partner" },
  ],
});

describe("droits sur un projet", () => {
  it("un projet réservé est invisible hors des partenaires", () => {
    expect(canViewProject(actor("orl", "admin"), project("partners"))).toBe(false);
    expect(canViewProject(actor("cchv", "viewer"), project("partners"))).toBe(true);
    expect(canViewProject(actor("orl", "viewer"), project("network"))).toBe(true);
  });

  it("les éditeurs de tout partenaire modifient, seuls ceux du chef de file changent les partenaires", () => {
    expect(canEditProject(actor("cchv", "editor"), project("network"))).toBe(true);
    expect(canSetPartners(actor("cchv", "editor"), project("network"))).toBe(false);
    expect(canSetPartners(actor("mtp", "editor"), project("network"))).toBe(true);
  });

  it("un lecteur partenaire ne modifie pas, un éditeur d'un autre territoire non plus", () => {
    expect(canEditProject(actor("cchv", "viewer"), project("network"))).toBe(false);
    expect(canEditProject(actor("orl", "editor"), project("network"))).toBe(false);
  });
});
