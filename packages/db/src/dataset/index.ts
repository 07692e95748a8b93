export * from "./dataset-size.ts";
export * from "./load-dataset.ts";
