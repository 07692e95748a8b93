export type { ErrorPayload } from "./errors.ts";
export type { AppRouter } from "./root.ts";
