import { describe, expect, it } from "vitest";
import { COOPERATION_STRUCTURES } from "./seed-data.ts";
import { engagementFormOf, firstSourceUrl, startedOnOf, statusOf, themesOf } from "./structure-mapping.ts";

describe("traduction des structures de l'étude", () => {
  it("chaque type de structure des données a une forme d'engagement", () => {
    for (const structure of COOPERATION_STRUCTURES) expect(() => engagementFormOf(structure.type)).not.toThrow();
  });

  it("range chaque type dans la forme attendue", () => {
    expect(engagementFormOf("SCoT (syndicat mixte)")).toBe("scot");
    expect(engagementFormOf("InterSCoT / agence d'urbanisme")).toBe("informal");
    expect(engagementFormOf("contrat de coopération / réciprocité")).toBe("contrat_cooperation");
    expect(engagementFormOf("contrat de partenariat / réciprocité")).toBe("contrat_cooperation");
    expect(engagementFormOf("contrat de réciprocité")).toBe("contrat_reciprocite");
    expect(engagementFormOf("contrat Département–EPCI")).toBe("convention");
    expect(engagementFormOf("syndicat mixte de mobilité (SRU)")).toBe("syndicat_mixte");
    expect(engagementFormOf("SERM (label État)")).toBe("other");
    expect(engagementFormOf("GECT transfrontalier")).toBe("gect");
  });

  it("refuse un type inconnu plutôt que de le ranger dans « autre » sans le dire", () => {
    expect(() => engagementFormOf("entente secrète")).toThrow(/entente secrète/);
  });

  it("prend la première date qui marque un début, pas un renommage ni une révision", () => {
    expect(startedOnOf("signé 22/06/2022")).toBe("2022-06-22");
    expect(startedOnOf("SCoT approuvé 13/02/2014, modifié 02/12/2016")).toBe("2014-02-13");
    expect(startedOnOf("renommé 29/10/2018")).toBeNull();
    expect(startedOnOf("SCoT 2006; révision approuvée 15/12/2025")).toBeNull();
    expect(startedOnOf("2017 (2017-2020)")).toBeNull();
  });

  it("un contrat dont la période est passée est terminé ; un organisme statutaire ne l'est pas", () => {
    const contract = { nom: "Protocole de coopération 2018-2020", annee: "2018 (2018-2020)" };
    expect(statusOf(contract, "protocole", 2026)).toEqual({ status: "ended", endedOn: "2020-12-31" });
    expect(statusOf(contract, "protocole", 2020)).toEqual({ status: "active", endedOn: null });
    const petr = { nom: "PETR", annee: "Contrat de développement Région 2023-2025" };
    expect(statusOf(petr, "petr", 2026)).toEqual({ status: "active", endedOn: null });
  });

  it("reconnaît les thématiques du texte libre sans faux amis", () => {
    expect(themesOf("gouvernance et logistique alimentaire durable, agriculture bio, mobilités")).toEqual([
      "food",
      "mobility",
      "economy",
    ]);
    expect(themesOf("réseau de chaleur")).toEqual(["other"]);
    expect(themesOf("eau, biodiversité")).toEqual(["water", "biodiversity"]);
    expect(themesOf("non détaillés")).toEqual([]);
  });

  it("garde la première adresse d'une liste de sources commentée", () => {
    expect(firstSourceUrl("https://docslib.org/doc/1/ (avenant SCoT); http://www.fupress.net/x")).toBe(
      "https://docslib.org/doc/1/",
    );
    expect(firstSourceUrl("aucune")).toBeNull();
  });
});
