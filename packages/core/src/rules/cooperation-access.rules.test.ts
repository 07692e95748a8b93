import { describe, expect, it } from "vitest";
import type { Actor } from "./access.rules.ts";
import { canAdministerCooperation, canCreateCooperation, canEditCooperation } from "./cooperation-access.rules.ts";

const actor = (memberships: Actor["memberships"], isInstanceAdmin = false): Actor => ({
  userId: "u",
  isInstanceAdmin,
  memberships,
});
const members = [
  { territoryId: "bdx", leftOn: null },
  { territoryId: "montesquieu", leftOn: null },
  { territoryId: "former", leftOn: "2020-01-01" },
];

describe("droits sur une coopération", () => {
  it("un éditeur d'un territoire membre peut la modifier, pas l'administrer", () => {
    const editor = actor([{ territoryId: "montesquieu", role: "editor" }]);
    expect(canEditCooperation(editor, members)).toBe(true);
    expect(canAdministerCooperation(editor, members)).toBe(false);
  });

  it("un lecteur d'un territoire membre ne peut pas la modifier", () => {
    expect(canEditCooperation(actor([{ territoryId: "bdx", role: "viewer" }]), members)).toBe(false);
  });

  it("un administrateur d'un territoire membre peut l'administrer", () => {
    expect(canAdministerCooperation(actor([{ territoryId: "bdx", role: "admin" }]), members)).toBe(true);
  });

  it("un territoire sorti de la coopération ne donne plus de droits", () => {
    const formerAdmin = actor([{ territoryId: "former", role: "admin" }]);
    expect(canEditCooperation(formerAdmin, members)).toBe(false);
    expect(canAdministerCooperation(formerAdmin, members)).toBe(false);
  });

  it("un éditeur d'un autre territoire est refusé", () => {
    expect(canEditCooperation(actor([{ territoryId: "orleans", role: "admin" }]), members)).toBe(false);
  });

  it("l'administrateur de l'instance peut tout faire", () => {
    expect(canAdministerCooperation(actor([], true), members)).toBe(true);
    expect(canCreateCooperation(actor([], true), "x")).toBe(true);
  });

  it("créer demande d'être éditeur du chef de file", () => {
    expect(canCreateCooperation(actor([{ territoryId: "bdx", role: "editor" }]), "bdx")).toBe(true);
    expect(canCreateCooperation(actor([{ territoryId: "bdx", role: "viewer" }]), "bdx")).toBe(false);
    expect(canCreateCooperation(actor([{ territoryId: "bdx", role: "admin" }]), "other")).toBe(false);
  });
});
