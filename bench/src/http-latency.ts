import { Agent, request } from "node:http";
import { measure, type Percentiles } from "./measure.ts";
import { startServer } from "./server-child.ts";

export interface HttpLatency {
  name: string;
  latency: Percentiles;
}

/** One GET on a kept-alive connection, body read to the end: what a browser's fetch waits for. */
function get(agent: Agent, url: string, cookie: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { cookie, "accept-encoding": "gzip, br" } }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`${url}: HTTP ${response.statusCode}`));
      response.resume();
      response.once("end", resolve);
      response.once("error", reject);
    });
    req.once("error", reject);
    req.end();
  });
}

/**
 * What a user of the deployed server waits for, one request at a time on loopback: the production
 * build (as `pnpm start` runs it) on the bench's database — PGlite in its data directory for the
 * embedded default, else PostgreSQL — the session cookie, compression and the whole body included.
 * `auth.me` (no SQL, the session from the instance's cache) is the floor of a tRPC call.
 */
export async function measureHttpLatency(options: {
  database: { databaseUrl: string } | { dataDir: string };
  sessionToken: string;
  territoryId: string;
  deep: { label: string; cursor?: string };
  iterations: number;
}): Promise<HttpLatency[]> {
  const server = await startServer({ ...options.database, poolSize: 10 });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const cookie = `trame_session=${options.sessionToken}`;
  const timeline = (input: object) =>
    `${server.baseUrl}/trpc/timeline.territory?input=${encodeURIComponent(JSON.stringify(input))}`;
  const targets = [
    { name: "auth.me (sans SQL)", url: `${server.baseUrl}/trpc/auth.me` },
    { name: "timeline.territory, page 1", url: timeline({ territoryId: options.territoryId, limit: 50 }) },
    {
      name: options.deep.label,
      url: timeline({ territoryId: options.territoryId, limit: 50, cursor: options.deep.cursor }),
    },
  ];
  try {
    const results: HttpLatency[] = [];
    for (const target of targets) {
      results.push({
        name: target.name,
        latency: await measure(options.iterations, () => get(agent, target.url, cookie)),
      });
    }
    return results;
  } finally {
    agent.destroy();
    await server.stop();
  }
}
