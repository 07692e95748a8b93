import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROJECT_STATUSES } from "../enums/project.ts";
import { canMoveProject, projectTransitions } from "./project-status.workflow.ts";

describe("cycle de vie d'un projet", () => {
  it("suit idée → programmé → en cours → achevé", () => {
    expect(canMoveProject("idea", "planned")).toBe(true);
    expect(canMoveProject("planned", "in_progress")).toBe(true);
    expect(canMoveProject("in_progress", "completed")).toBe(true);
  });

  it("ne saute pas d'étape et ne revient pas d'un état final", () => {
    expect(canMoveProject("idea", "completed")).toBe(false);
    expect(canMoveProject("completed", "in_progress")).toBe(false);
    expect(canMoveProject("abandoned", "planned")).toBe(false);
  });

  it("aucune suite d'étapes permises ne sort du graphe ni ne reste sur place", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PROJECT_STATUSES), { maxLength: 30 }), (wanted) => {
        let status: (typeof PROJECT_STATUSES)[number] = "idea";
        for (const next of wanted) {
          if (canMoveProject(status, next)) {
            expect(next).not.toBe(status);
            status = next;
          }
        }
        expect(PROJECT_STATUSES).toContain(status);
        if (status === "completed" || status === "abandoned") expect(projectTransitions[status]).toEqual([]);
      }),
    );
  });
});
