import { once } from "node:events";
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import {
  callProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  isAbortError,
  isTrackedEnvelope,
  sseHeaders,
  TRPCError,
} from "@trpc/server/unstable-core-do-not-import";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Context } from "../context.ts";
import { appRouter } from "../root.ts";

/**
 * The live procedures (`timeline.live`, `project.live`…) served straight onto the socket, in the very
 * SSE dialect tRPC's `httpSubscriptionLink` reads (events `connected`, data with `id`, `return`,
 * `serialized-error`), so the web client and the procedures are unchanged (issue 17, item 6).
 *
 * Why not tRPC's own adapter: it turns every stream into a fetch `Response` over web streams (a
 * readable, two transforms, a text encoder, abort and ping wiring): about 95 KB of heap per open
 * page in a heap snapshot, 233 MB of RSS for 1,000 pages. Here a stream is the procedure's own
 * generator writing to the socket: what it holds is its generator and the socket's buffer, which
 * is bounded too — a client that does not read makes the stream wait (`drain`) instead of queueing.
 * Authentication, input validation, middlewares and error shapes are tRPC's, through `callProcedure`.
 */
export function registerLiveRoutes(
  app: FastifyInstance,
  paths: ReadonlySet<string>,
  createContext: (request: FastifyRequest, reply: FastifyReply) => Promise<Context>,
): void {
  for (const path of paths) {
    app.get(`/trpc/${path}`, async (request, reply) => {
      const stream = new AbortController();
      reply.raw.once("close", () => stream.abort());
      reply.hijack();
      // The headers set so far (helmet's, no-store) go out with the stream's own.
      const set = Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined);
      reply.raw.writeHead(200, {
        ...(Object.fromEntries(set) as OutgoingHttpHeaders),
        ...sseHeaders,
        "Cache-Control": "no-store, no-transform",
      });
      let ctx: Context | undefined;
      let input: unknown;
      try {
        await send(reply.raw, "event: connected\ndata: {}\n\n", stream.signal);
        input = inputOf(request);
        ctx = await createContext(request, reply);
        const events = (await callProcedure({
          router: appRouter,
          path,
          type: "subscription",
          ctx,
          getRawInput: async () => input,
          signal: stream.signal,
          batchIndex: 0,
        })) as AsyncIterable<unknown>;
        for await (const value of events) {
          const frame = isTrackedEnvelope(value)
            ? `data: ${JSON.stringify(value[1])}\nid: ${value[0]}\n\n`
            : `data: ${JSON.stringify(value)}\n\n`;
          await send(reply.raw, frame, stream.signal);
        }
        await send(reply.raw, "event: return\ndata: \n\n", stream.signal);
      } catch (cause) {
        if (!stream.signal.aborted && !isAbortError(cause)) {
          const error = getTRPCErrorFromUnknown(cause);
          if (error.code === "INTERNAL_SERVER_ERROR")
            app.log.error({ err: error.cause ?? error, path }, "procedure failed");
          const shape = getErrorShape({
            config: appRouter._def._config,
            ctx,
            error,
            input,
            path,
            type: "subscription",
          });
          reply.raw.write(`event: serialized-error\ndata: ${JSON.stringify(shape)}\n\n`);
        }
      } finally {
        reply.raw.end();
      }
    });
  }
}

/** The call's input, with the id of the last event the client's EventSource received (its resume point). */
function inputOf(request: FastifyRequest): unknown {
  const query = request.query as Record<string, string | undefined>;
  const raw = query.input;
  let input: unknown;
  try {
    input = raw === undefined ? undefined : JSON.parse(raw);
  } catch (cause) {
    throw new TRPCError({ code: "PARSE_ERROR", cause });
  }
  const header = request.headers["last-event-id"];
  const lastEventId = (typeof header === "string" ? header : undefined) ?? query.lastEventId ?? query["Last-Event-Id"];
  if (!lastEventId) return input;
  return typeof input === "object" && input !== null ? { ...input, lastEventId } : { lastEventId };
}

/** Writes a frame; when the socket's buffer is full, waits for the client to read it (or leave). */
async function send(socket: ServerResponse, frame: string, signal: AbortSignal): Promise<void> {
  if (socket.write(frame)) return;
  await once(socket, "drain", { signal });
}
