import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { deployedNodeFlags } from "./server-child.ts";

/**
 * `pnpm bench` runs the measurements under the V8 flags of `pnpm start`: the API side calls the
 * procedures in this process, so its garbage collector must be sized as the deployed server's is
 * (with V8's default heap sizing the timeline's p95 read 3.2-3.8 ms instead of 2.4-2.7).
 */
const main = fileURLToPath(new URL("./main.ts", import.meta.url));
const result = spawnSync(
  process.execPath,
  [...deployedNodeFlags(), "--expose-gc", "--import", "tsx", main, ...process.argv.slice(2)],
  {
    stdio: "inherit",
  },
);
process.exit(result.status ?? 1);
