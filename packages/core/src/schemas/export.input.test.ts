import { describe, expect, it } from "vitest";
import { projectsExportQuerySchema, timelineExportQuerySchema } from "./export.input.ts";

const id = "0b6a3a4e-8f5e-4a57-9d43-2f7b8f0d1c11";
const paths = (result: { error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  result.error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("paramètres d'export", () => {
  it("lit une liste répétée ou séparée par des virgules, et ramène la portée à un seul objet", () => {
    const repeated = timelineExportQuerySchema.parse({ projectId: id, kinds: ["meeting", "decision"] });
    const joined = timelineExportQuerySchema.parse({ projectId: id, kinds: "meeting, decision" });
    expect(repeated).toEqual(joined);
    expect(joined).toEqual({ scope: { kind: "project", id }, filters: { kinds: ["meeting", "decision"] }, lang: "fr" });
  });

  it("exige exactement une portée", () => {
    expect(paths(timelineExportQuerySchema.safeParse({}))).toEqual(["territoryId"]);
    expect(paths(timelineExportQuerySchema.safeParse({ territoryId: id, cooperationId: id }))).toEqual([
      "territoryId",
      "cooperationId",
    ]);
  });

  it("refuse une période à l'envers et un type inconnu en nommant le champ", () => {
    expect(
      paths(timelineExportQuerySchema.safeParse({ territoryId: id, from: "2024-05-01", to: "2024-04-01" })),
    ).toEqual(["to"]);
    expect(paths(timelineExportQuerySchema.safeParse({ territoryId: id, kinds: "meeting,bogus" }))).toEqual([
      "kinds.1",
    ]);
  });

  it("lit les booléens d'une adresse et garde les filtres de la liste des projets", () => {
    expect(projectsExportQuerySchema.parse({ includeArchived: "true", status: "planned" })).toEqual({
      includeArchived: true,
      status: "planned",
      query: "",
    });
    expect(paths(projectsExportQuerySchema.safeParse({ includeArchived: "oui" }))).toEqual(["includeArchived"]);
  });
});
