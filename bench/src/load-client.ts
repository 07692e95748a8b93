/** A minimal tRPC-over-HTTP client for the load run: one request per call, timings kept by procedure. */
export interface CallResult {
  ok: boolean;
  status: number;
  code?: string;
  data?: unknown;
}

export class LoadClient {
  readonly timings = new Map<string, number[]>();
  readonly outcomes = new Map<string, { ok: number; conflicts: number; errors: number }>();

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  private record(procedure: string, ms: number, result: CallResult) {
    const timings = this.timings.get(procedure) ?? [];
    timings.push(ms);
    this.timings.set(procedure, timings);
    const outcome = this.outcomes.get(procedure) ?? { ok: 0, conflicts: 0, errors: 0 };
    if (result.ok) outcome.ok++;
    else if (result.code === "CONFLICT") outcome.conflicts++;
    else outcome.errors++;
    this.outcomes.set(procedure, outcome);
  }

  async call(kind: "query" | "mutation", procedure: string, input: unknown): Promise<CallResult> {
    const headers = { cookie: `trame_session=${this.token}`, "content-type": "application/json" };
    const url =
      kind === "query"
        ? `${this.baseUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`
        : `${this.baseUrl}/trpc/${procedure}`;
    const start = performance.now();
    let result: CallResult;
    try {
      const response = await fetch(url, {
        method: kind === "query" ? "GET" : "POST",
        headers,
        ...(kind === "mutation" ? { body: JSON.stringify(input) } : {}),
      });
      const body = (await response.json()) as { result?: { data: unknown }; error?: { data?: { code?: string } } };
      result = { ok: response.ok, status: response.status, code: body.error?.data?.code, data: body.result?.data };
    } catch (error) {
      result = { ok: false, status: 0, code: String(error) };
    }
    this.record(procedure, performance.now() - start, result);
    return result;
  }
}
