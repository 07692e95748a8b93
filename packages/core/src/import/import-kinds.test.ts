import { describe, expect, it } from "vitest";
import { combineHeaderRows, layoutSignature, matchHeaders } from "./import-kinds.ts";
import { matchTerritory, territoryNameKey } from "./import-territory-name.ts";

describe("matchHeaders", () => {
  it("matches French and English headers whatever their accents, case and spacing", () => {
    const mapping = matchHeaders("projects", [
      "  INTITULE ",
      "Thèmes",
      "Date  de début",
      "Budget (€)",
      "chef de file",
      "Colonne libre",
    ]);
    expect(mapping).toEqual({ 0: "title", 1: "themes", 2: "startedOn", 3: "budget", 4: "lead", 5: null });
    expect(matchHeaders("actions", ["Date de la réunion", "Nature", "Objet"])).toEqual({
      0: "occurredOn",
      1: "kind",
      2: "title",
    });
    expect(matchHeaders("applications", ["Montant sollicité", "Amount granted", "Versé"])).toEqual({
      0: "requested",
      1: "granted",
      2: "paid",
    });
  });

  it("maps a field once, to its first column", () => {
    expect(matchHeaders("projects", ["Titre", "Intitulé"])).toEqual({ 0: "title", 1: null });
  });

  it("gives the same layout signature to headers that differ only in accents and case", () => {
    expect(layoutSignature("projects", ["Intitulé", "Début"])).toBe(layoutSignature("projects", ["INTITULE", "debut"]));
    expect(layoutSignature("projects", ["Intitulé"])).not.toBe(layoutSignature("actions", ["Intitulé"]));
  });
});

describe("combineHeaderRows", () => {
  it("joins a merged parent header to the child headers it covers, and only there", () => {
    const parent = ["Projet", "Montant", "", "", ""];
    const header = ["", "demandé", "notifié", "versé", "Statut"];
    const combined = combineHeaderRows("applications", parent, header);
    expect(combined).toEqual(["Projet", "Montant demandé", "Montant notifié", "Montant versé", "Statut"]);
    expect(matchHeaders("applications", combined)).toEqual({
      0: "project",
      1: "requested",
      2: "granted",
      3: "paid",
      4: "status",
    });
  });
});

describe("territories", () => {
  const territories = [
    { id: "1", name: "Communauté de communes de Montesquieu", siren: "243301405" },
    { id: "2", name: "Saint-Martin", siren: "200000001" },
    { id: "3", name: "Saint Martin", siren: "200000002" },
    { id: "4", name: "Montpellier Méditerranée Métropole", siren: "243400017" },
  ];

  it("folds intercommunal abbreviations", () => {
    expect(territoryNameKey("CC de Montesquieu")).toBe(territoryNameKey("Communauté de communes de Montesquieu"));
  });

  it("finds by SIREN or by name, with or without accents", () => {
    expect(matchTerritory("243 400 017", territories)).toMatchObject({ status: "found", territory: { id: "4" } });
    expect(matchTerritory("cc de montesquieu", territories)).toMatchObject({ status: "found", territory: { id: "1" } });
    expect(matchTerritory("Montpellier Mediterranee Metropole", territories)).toMatchObject({
      status: "found",
      territory: { id: "4" },
    });
  });

  it("reports an ambiguity instead of guessing, and an unknown name or SIREN", () => {
    const match = matchTerritory("SAINT-MARTIN", territories);
    expect(match.status).toBe("ambiguous");
    if (match.status === "ambiguous") expect(match.candidates.map((t) => t.id)).toEqual(["2", "3"]);
    expect(matchTerritory("Bordeaux Métropole", territories)).toEqual({ status: "unknown" });
    expect(matchTerritory("999999999", territories)).toEqual({ status: "unknown" });
  });
});
