import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  contentDisposition,
  DOCUMENT_TYPES,
  documentFileName,
  documentTypeOf,
  documentTypeOfScanned,
  legacyOfficeScan,
  MAX_DOCUMENT_BYTES,
  safeFileName,
} from "./document-type.rules.ts";

/** A CFB header followed by a directory entry name, as a legacy Office file or an MSI holds it. */
function cfbWithStream(stream: string): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const name = Array.from(stream).flatMap((c) => [c.charCodeAt(0), 0]);
  return Uint8Array.from([...header, ...new Array(504).fill(0), ...name, 0, 0]);
}

describe("types de documents acceptés", () => {
  it("accepte PDF, images, OpenDocument et Office, refuse SVG, HTML et les inconnus", () => {
    const none = new Uint8Array();
    expect(documentTypeOf("application/pdf", none)).toBe("application/pdf");
    expect(documentTypeOf("image/webp", none)).toBe("image/webp");
    expect(documentTypeOf("application/vnd.oasis.opendocument.graphics", none)).toBe(
      "application/vnd.oasis.opendocument.graphics",
    );
    expect(documentTypeOf("image/svg+xml", none)).toBeNull();
    expect(documentTypeOf("text/html", none)).toBeNull();
    expect(documentTypeOf("application/zip", none)).toBeNull();
    expect(documentTypeOf("application/x-msdownload", none)).toBeNull();
    expect(documentTypeOf(undefined, none)).toBeNull();
    expect(Object.keys(DOCUMENT_TYPES)).not.toContain("image/svg+xml");
  });

  it("reconnaît un ancien fichier Office au contenu du conteneur CFB, et refuse un installeur MSI", () => {
    const cfb = "application/x-cfb";
    expect(documentTypeOf(cfb, cfbWithStream("WordDocument"))).toBe("application/msword");
    expect(documentTypeOf(cfb, cfbWithStream("Workbook"))).toBe("application/vnd.ms-excel");
    expect(documentTypeOf(cfb, cfbWithStream("PowerPoint Document"))).toBe("application/vnd.ms-powerpoint");
    expect(documentTypeOf(cfb, cfbWithStream("\u4840\u3f3f\u4177"))).toBeNull();
  });

  it("lu par morceaux, un fichier CFB reçoit le même type que lu d'un bloc, même un nom de flux coupé en deux", () => {
    const cfb = "application/x-cfb";
    fc.assert(
      fc.property(
        fc.constantFrom("WordDocument", "Workbook", "Book", "PowerPoint Document", "Autre"),
        fc.array(fc.integer({ min: 0, max: 560 }), { maxLength: 6 }),
        (stream, cuts) => {
          const content = cfbWithStream(stream);
          const scan = legacyOfficeScan();
          const points = [0, ...cuts.sort((a, b) => a - b), content.length];
          for (let i = 1; i < points.length; i++) scan.push(content.slice(points[i - 1], points[i]));
          expect(documentTypeOfScanned(cfb, scan)).toBe(documentTypeOf(cfb, content));
        },
      ),
    );
  });

  it("fixe la taille maximale à 20 Mio", () => {
    expect(MAX_DOCUMENT_BYTES).toBe(20_971_520);
  });
});

describe("noms de fichiers", () => {
  it("retire chemins, caractères de contrôle, guillemets et inversions bidirectionnelles, garde les accents", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\élu\\Délibération n°12.pdf")).toBe("Délibération n°12.pdf");
    expect(safeFileName('compte "rendu"\r\n\u0000.pdf')).toBe("compte rendu.pdf");
    expect(safeFileName("facture\u202Efdp.exe")).toBe("facturefdp.exe");
    expect(safeFileName("a\uD800b.pdf")).toBe("ab.pdf");
    expect(safeFileName("...")).toBe("document");
    expect(safeFileName(".htaccess")).toBe("htaccess");
    expect(safeFileName("De\u0301libe\u0301ration.pdf")).toBe("Délibération.pdf");
  });

  it("borne la longueur en gardant l'extension", () => {
    const name = safeFileName(`${"é".repeat(400)}.pdf`);
    expect(name.length).toBe(180);
    expect(name.endsWith("é.pdf")).toBe(true);
  });

  it("donne au nom stocké l'extension du type détecté", () => {
    expect(documentFileName("Convention signée.PDF", "application/pdf")).toBe("Convention signée.PDF");
    expect(documentFileName("photo.jpeg", "image/jpeg")).toBe("photo.jpeg");
    expect(documentFileName("page.html", "image/png")).toBe("page.html.png");
    expect(documentFileName("tableau", "application/vnd.ms-excel")).toBe("tableau.xls");
  });
});

/** Any code point, plus the characters that have broken download headers before. */
const nameChar = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.constantFrom("\uD800", "\uDFFF", "\u202E", '"', "\r", "\n", "/", "\\", ";"),
);

describe("Content-Disposition", () => {
  it("est toujours attachment, avec un repli ASCII et le nom UTF-8 selon la RFC 5987", () => {
    expect(contentDisposition("Délibération (conseil) n°3.pdf")).toBe(
      `attachment; filename="Deliberation (conseil) n_3.pdf"; filename*=UTF-8''D%C3%A9lib%C3%A9ration%20%28conseil%29%20n%C2%B03.pdf`,
    );
  });

  it("ne laisse passer ni guillemet ni retour à la ligne qui couperait l'en-tête", () => {
    const header = contentDisposition('a"; filename="evil.html\r\nSet-Cookie: x=1');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header.startsWith("attachment; ")).toBe(true);
  });

  it("quel que soit le nom reçu, l'en-tête reste une seule pièce jointe bien formée", () => {
    fc.assert(
      fc.property(fc.string({ unit: nameChar, maxLength: 300 }), (raw) => {
        const header = contentDisposition(raw);
        expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/);
        expect(header.match(/"/g)).toHaveLength(2);
        const name = safeFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect(name).not.toMatch(/[/\\"'`]/);
      }),
    );
  });
});
