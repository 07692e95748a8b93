export * from "./import.input.ts";
export * from "./import-kinds.ts";
export * from "./import-messages.ts";
export * from "./import-territory-name.ts";
export * from "./import-values.ts";
