import { parseArgs } from "node:util";
import { z } from "zod";

/**
 * Named sizes: `national` is ten years of use by every EPCI in France; `embedded` is the size the
 * embedded default is measured at, the busiest territory just over 10,000 entries.
 */
export const SCALES = { tiny: 0.002, small: 0.01, medium: 0.1, embedded: 0.12, national: 1 } as const;

const settingsSchema = z.object({
  scale: z
    .union([z.enum(["tiny", "small", "medium", "embedded", "national"]), z.coerce.number().positive().max(1)])
    .default("small"),
  iterations: z.coerce.number().int().min(10).max(100_000).default(300),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional(),
  dataDir: z.string().default("./.data/bench"),
  fresh: z.boolean().default(false),
  seconds: z.coerce.number().int().min(2).max(120).default(10),
  throughput: z.boolean().default(true),
  explain: z.boolean().default(false),
});
export type BenchSettings = z.infer<typeof settingsSchema> & { factor: number; scaleName: string };

/** Command line first, then DATABASE_URL: `pnpm bench --scale national` against a PostgreSQL server. */
export function readSettings(argv = process.argv.slice(2), env = process.env): BenchSettings {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== "--"),
    options: {
      scale: { type: "string" },
      iterations: { type: "string" },
      "data-dir": { type: "string" },
      fresh: { type: "boolean" },
      seconds: { type: "string" },
      "no-throughput": { type: "boolean" },
      explain: { type: "boolean" },
    },
  });
  const settings = settingsSchema.parse({
    scale: values.scale,
    iterations: values.iterations,
    databaseUrl: env.DATABASE_URL,
    dataDir: values["data-dir"],
    fresh: values.fresh,
    seconds: values.seconds,
    throughput: !values["no-throughput"],
    explain: values.explain,
  });
  const factor = typeof settings.scale === "number" ? settings.scale : SCALES[settings.scale];
  return { ...settings, factor, scaleName: typeof settings.scale === "number" ? `x${settings.scale}` : settings.scale };
}
