import type { TRPCError } from "@trpc/server";
import { type FastifyTRPCPluginOptions, fastifyRequestHandler } from "@trpc/server/adapters/fastify";
import {
  callProcedure,
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
} from "@trpc/server/unstable-core-do-not-import";
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from "fastify";
import type { Context } from "../context.ts";
import { type AppRouter, appRouter } from "../root.ts";

type TrpcOptions = FastifyTRPCPluginOptions<AppRouter>["trpcOptions"];

export interface TrpcRoutesOptions {
  /** tRPC's handler options but the context, which both paths make with `createContext`. */
  trpcOptions: Omit<TrpcOptions, "router" | "createContext">;
  createContext: (request: FastifyRequest, reply: FastifyReply, batchSize: number) => Promise<Context>;
}

type Procedures = Record<string, { _def: { type: string } } | undefined>;
const procedures = appRouter._def.procedures as unknown as Procedures;

/** The router's procedure paths of one type (query, mutation, subscription). */
export function procedurePaths(type: string): Set<string> {
  return new Set(Object.keys(procedures).filter((path) => procedures[path]?._def.type === type));
}

/**
 * The tRPC API under `/trpc` (issue 17, item 3). Mutations and everything unusual go through tRPC's
 * own Fastify handler, as `fastifyTRPCPlugin` registers it. Queries read by GET — every page's
 * reads, batched or not — are answered here: the same procedures run through tRPC's `callProcedure`
 * (context, middlewares, input and output validation, error shapes) and the answer is tRPC's JSON,
 * sent as one string.
 *
 * Why: the adapter turns each request into a fetch `Request` (undici), a combined abort signal and a
 * `Response` over a web stream that Fastify then writes in pieces. A CPU profile of the server under
 * 32 connections put about a quarter of its busy time there (`pnpm bench` throughput; the README's
 * Performance section has the figures).
 */
export const trpcRoutes: FastifyPluginCallback<TrpcRoutesOptions> = (fastify, options, done) => {
  // As fastifyTRPCPlugin does: tRPC reads request bodies itself.
  fastify.removeContentTypeParser("application/json");
  fastify.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, next) => next(null, body));
  fastify.removeContentTypeParser("multipart/form-data");
  fastify.addContentTypeParser("multipart/form-data", {}, (_request, body, next) => next(null, body));

  const trpcOptions: TrpcOptions = {
    ...options.trpcOptions,
    router: appRouter,
    createContext: ({ req, res, info }) => options.createContext(req, res, info.calls.length),
  };
  const byTrpc = (request: FastifyRequest, reply: FastifyReply) =>
    fastifyRequestHandler({
      ...trpcOptions,
      req: request,
      res: reply,
      path: (request.params as { path: string }).path,
    });
  fastify.route({
    method: ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    url: "/:path",
    handler: byTrpc,
  });
  fastify.get("/:path", async (request, reply) => {
    const queries = queriesOf(request, options.trpcOptions.maxBatchSize ?? Number.POSITIVE_INFINITY);
    if (!queries) return byTrpc(request, reply);
    await answer(options, request, reply, queries);
  });
  done();
};

interface Queries {
  batch: boolean;
  calls: Array<{ path: string; input: unknown }>;
}

/**
 * The calls of a GET request when every one is a known query with readable input, within the batch
 * limit; null sends the request to tRPC's handler, whose answer (not found, wrong method, parse
 * error, too large a batch, a streaming accept header) stays exactly tRPC's.
 */
function queriesOf(request: FastifyRequest, maxBatchSize: number): Queries | null {
  const query = request.query as Record<string, string | undefined>;
  if (request.headers["trpc-accept"] !== undefined) return null;
  const paths = (request.params as { path: string }).path.split(",");
  const batch = query.batch === "1";
  if (batch ? paths.length > maxBatchSize : paths.length !== 1) return null;
  if (paths.some((path) => procedures[path]?._def.type !== "query")) return null;
  let input: unknown;
  try {
    input = query.input === undefined ? undefined : JSON.parse(query.input);
  } catch {
    return null;
  }
  if (!batch) return { batch, calls: [{ path: paths[0] as string, input }] };
  const inputs = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  return { batch, calls: paths.map((path, index) => ({ path, input: inputs[index] })) };
}

/** Runs the calls as tRPC would (one context for the batch) and answers tRPC's JSON and status. */
async function answer(
  options: TrpcRoutesOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  { batch, calls }: Queries,
): Promise<void> {
  let ctx: Context | undefined;
  let contextError: TRPCError | undefined;
  try {
    ctx = await options.createContext(request, reply, calls.length);
  } catch (cause) {
    contextError = getTRPCErrorFromUnknown(cause);
  }
  const results = await Promise.all(
    calls.map(async ({ path, input }, batchIndex) => {
      try {
        if (contextError) throw contextError;
        const data = await callProcedure({
          router: appRouter,
          path,
          type: "query",
          ctx,
          getRawInput: async () => input,
          signal: undefined,
          batchIndex,
        });
        return { result: { data } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        options.trpcOptions.onError?.({ error, path, input, ctx, type: "query", req: request });
        return { error: getErrorShape({ config: appRouter._def._config, ctx, error, input, path, type: "query" }) };
      }
    }),
  );
  const body = batch ? results : results[0];
  await reply
    .code(getHTTPStatusCode(body as Parameters<typeof getHTTPStatusCode>[0]))
    .header("vary", "trpc-accept, accept")
    .header("content-type", "application/json")
    .send(JSON.stringify(body));
}
