import { describe, expect, it } from "vitest";
import { searchKey } from "./search-key.ts";

describe("searchKey", () => {
  it("ignore les accents et la casse", () => {
    expect(searchKey("Orléans Métropole")).toBe("orleans metropole");
    expect(searchKey("ORLEANS")).toBe("orleans");
  });

  it("replie les ligatures et la ponctuation des noms", () => {
    expect(searchKey("Cœur Entre-deux-Mers")).toBe("coeur entre deux mers");
    expect(searchKey("CC de l'Île   d’Oléron")).toBe("cc de l ile d oleron");
  });
});
