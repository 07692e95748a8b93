import { build } from "esbuild";
import { serverBuildOptions } from "./build-options.ts";

await build(serverBuildOptions);
