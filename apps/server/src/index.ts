export type { AppRouter } from "./root.ts";
export type { ErrorPayload } from "./errors.ts";
