import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const serverDir = fileURLToPath(new URL("../", import.meta.url));

/** Runs the fixture; once it is ready, stops it as an orchestrator would when `terminate` is set. */
function run(argument: string, terminate: boolean): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/late-rejection.ts", argument], {
    cwd: serverDir,
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (terminate && output.includes("ready") && !child.killed) child.kill("SIGTERM");
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe("l'arrêt sur SIGTERM", () => {
  it("se termine proprement même si une tâche échoue après la fermeture du pool (pg-boss n'attend pas)", async () => {
    const { code, output } = await run("during-shutdown", true);
    expect(output).toContain("late failure while shutting down");
    expect(code).toBe(0);
  });

  it("hors arrêt, une promesse rejetée sans personne pour l'attendre arrête toujours le processus", async () => {
    const { code, output } = await run("running", false);
    expect(output).toContain("an ordinary bug");
    expect(code).not.toBe(0);
  });
});
