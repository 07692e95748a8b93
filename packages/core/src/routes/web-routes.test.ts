import { describe, expect, it } from "vitest";
import { matchWebRoute } from "./web-routes.ts";

const ID = "0b6f1c1e-4a7d-4f6e-9a55-3f1d2c8e7b10";

describe("matchWebRoute", () => {
  it("reconnaît les pages de l'application, avec leurs identifiants", () => {
    expect(matchWebRoute("/")).toBe("/");
    expect(matchWebRoute("/territoires?q=lyon")).toBe("/territoires");
    expect(matchWebRoute(`/territoires/${ID}`)).toBe("/territoires/:id");
    expect(matchWebRoute(`/cooperations/${ID}/sante`)).toBe("/cooperations/:id/sante");
    expect(matchWebRoute(`/projets/${ID}/`)).toBe("/projets/:id");
    expect(matchWebRoute("/Connexion")).toBe("/connexion");
  });

  it("connaît les pages de l'administration une à une", () => {
    expect(matchWebRoute("/admin")).toBe("/admin");
    expect(matchWebRoute("/admin/territoires")).toBe("/admin/territoires");
    expect(matchWebRoute("/admin/n-importe-quoi")).toBeNull();
  });

  it("refuse une adresse inconnue, un identifiant mal formé ou un segment de trop", () => {
    expect(matchWebRoute("/page-inexistante")).toBeNull();
    expect(matchWebRoute("/projets/n-importe-quoi")).toBeNull();
    expect(matchWebRoute("/territoires/123")).toBeNull();
    expect(matchWebRoute(`/projets/${ID}/autre`)).toBeNull();
    expect(matchWebRoute("/projets")).toBeNull();
    expect(matchWebRoute("/territoires/%E0")).toBeNull();
  });
});
