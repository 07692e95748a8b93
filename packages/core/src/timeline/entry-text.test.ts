import { describe, expect, it } from "vitest";
import { fundingStepTitle, timelineEntryDetail, timelineEntryDocument, timelineEntryTitle } from "./entry-text.ts";

const spaces = (text: string) => text.replace(/\s/g, " ");
const grant = {
  kind: "funding_status" as const,
  title: "FV",
  detail: {
    to: "granted",
    comment: "Arrêté du préfet",
    programme: { id: "p", name: "Fonds vert", acronym: "FV" },
    amounts: { requestedCents: 200_000_00, grantedCents: 120_000_00, paidCents: 0 },
  },
};

describe("titres de la frise, écrits à la lecture dans la langue du lecteur", () => {
  it("titre l'étape d'un financement avec le montant dont elle parle", () => {
    const amounts = { requestedCents: 200_000_00, grantedCents: 120_000_00 };
    expect(spaces(fundingStepTitle("Fonds vert", "granted", amounts, "fr"))).toBe(
      "Fonds vert : demande accordée (120 000 €)",
    );
    expect(spaces(fundingStepTitle("DSIL", "submitted", { ...amounts, grantedCents: null }, "fr"))).toBe(
      "DSIL : demande déposée (200 000 €)",
    );
    expect(timelineEntryTitle(grant, "en")).toBe("FV: application granted (€120,000)");
    expect(spaces(timelineEntryTitle(grant, "fr"))).toBe("FV : demande accordée (120 000 €)");
  });

  it("adhésions, départs, formes et récit : une phrase par langue, le nom tel que noté", () => {
    const territory = { id: "t", name: "CC de Montesquieu" };
    expect(timelineEntryTitle({ kind: "member_joined", title: "", detail: { territory } }, "fr")).toBe(
      "CC de Montesquieu rejoint la coopération",
    );
    expect(timelineEntryTitle({ kind: "member_joined", title: "", detail: { territory } }, "en")).toBe(
      "CC de Montesquieu joins the cooperation",
    );
    expect(timelineEntryTitle({ kind: "member_left", title: "", detail: { territory } }, "en")).toBe(
      "CC de Montesquieu leaves the cooperation",
    );
    const form = { kind: "engagement_form_changed" as const, title: "", detail: { from: "convention", to: "petr" } };
    expect(timelineEntryTitle(form, "en")).toMatch(/^New engagement form: /);
    expect(timelineEntryTitle(form, "fr")).toMatch(/^Nouvelle forme d'engagement : /);
    expect(timelineEntryTitle({ kind: "narrative_adopted", title: "", detail: {} }, "en")).toBe(
      "Shared narrative adopted",
    );
  });

  it("une action ou une étape de projet garde les mots de son auteur ; des faits illisibles gardent le titre noté", () => {
    expect(timelineEntryTitle({ kind: "meeting", title: "Comité de pilotage", detail: {} }, "en")).toBe(
      "Comité de pilotage",
    );
    expect(timelineEntryTitle({ kind: "project_status", title: "Axe A750", detail: { to: "active" } }, "en")).toBe(
      "Axe A750",
    );
    expect(timelineEntryTitle({ kind: "member_joined", title: "Ancien titre", detail: {} }, "en")).toBe("Ancien titre");
  });

  it("le détail dit les statuts, la forme, les notes d'une action ou le commentaire d'une étape", () => {
    expect(timelineEntryDetail({ kind: "meeting", detail: { notes: "  Ordre du jour : mobilités " } }, "fr")).toBe(
      "Ordre du jour : mobilités",
    );
    expect(
      timelineEntryDetail(
        { kind: "engagement_form_changed", detail: { from: "convention", to: "petr", note: "Vote" } },
        "en",
      ),
    ).toMatch(/ → .* — Vote$/);
    expect(timelineEntryDetail(grant, "fr")).toBe("Arrêté du préfet");
    expect(timelineEntryDetail({ kind: "member_joined", detail: {} }, "fr")).toBe("");
  });

  it("un document joint dit son nom, l'action à laquelle il est joint, et se télécharge", () => {
    const entry = {
      kind: "document_added" as const,
      title: "CR-copil.pdf",
      detail: { document: { id: "d1", name: "CR-copil.pdf" }, action: { id: "a1", title: "Comité de pilotage" } },
    };
    expect(spaces(timelineEntryTitle(entry, "fr"))).toBe("Document ajouté : CR-copil.pdf");
    expect(timelineEntryTitle(entry, "en")).toBe("Document added: CR-copil.pdf");
    expect(timelineEntryDetail(entry, "fr")).toBe("Joint à l'action « Comité de pilotage »");
    expect(timelineEntryDetail(entry, "en")).toBe("Attached to the action “Comité de pilotage”");
    expect(timelineEntryDetail({ ...entry, detail: { document: entry.detail.document } }, "en")).toBe("");
    expect(timelineEntryDocument(entry)).toEqual({ id: "d1", name: "CR-copil.pdf" });
    expect(timelineEntryDocument({ kind: "meeting", detail: entry.detail })).toBeNull();
  });
});
