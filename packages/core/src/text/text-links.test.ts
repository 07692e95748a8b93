import { describe, expect, it } from "vitest";
import { textLinks } from "./text-links.ts";

describe("textLinks", () => {
  it("coupe un texte en passages et adresses web", () => {
    expect(textLinks("Délibération : https://www.bordeaux-metropole.fr/deliberations/2024-12 du conseil")).toEqual([
      { text: "Délibération : " },
      { url: "https://www.bordeaux-metropole.fr/deliberations/2024-12" },
      { text: " du conseil" },
    ]);
  });

  it("laisse la ponctuation de la phrase hors de l'adresse, garde les parenthèses de l'adresse", () => {
    expect(textLinks("Voir http://example.fr/a.")).toEqual([
      { text: "Voir " },
      { url: "http://example.fr/a" },
      { text: "." },
    ]);
    expect(textLinks("(source : https://fr.wikipedia.org/wiki/SCoT_(urbanisme)).")).toEqual([
      { text: "(source : " },
      { url: "https://fr.wikipedia.org/wiki/SCoT_(urbanisme)" },
      { text: ")." },
    ]);
    expect(textLinks("« https://example.fr/p?a=1&b=2 »")).toEqual([
      { text: "« " },
      { url: "https://example.fr/p?a=1&b=2" },
      { text: " »" },
    ]);
  });

  it("ne fait un lien que d'une adresse web : ni javascript:, ni data:, ni une adresse vide", () => {
    for (const text of ["javascript:alert(1)", "data:text/html,<b>x</b>", "http://", "https:// rien", "ftp://x.fr"]) {
      expect(textLinks(text).some((part) => "url" in part)).toBe(false);
    }
    expect(textLinks("")).toEqual([]);
    expect(textLinks("Sans adresse.")).toEqual([{ text: "Sans adresse." }]);
  });

  it("trouve plusieurs adresses, suivies de ponctuation ou en fin de ligne", () => {
    const parts = textLinks("a https://x.fr, https://y.fr/b;\nhttps://z.fr");
    expect(parts).toEqual([
      { text: "a " },
      { url: "https://x.fr" },
      { text: ", " },
      { url: "https://y.fr/b" },
      { text: ";\n" },
      { url: "https://z.fr" },
    ]);
  });
});
