import { z } from "zod";

const positive = (fallback: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().positive().default(fallback),
  );

// "10,100,1000": ascending positive integers.
const sizes = (fallback: string) =>
  z.preprocess(
    (value) => (value === "" || value === undefined ? fallback : value),
    z
      .string()
      .regex(/^\d+(,\d+)*$/, "must be a comma list of whole numbers, like 10,100,1000")
      .transform((value) => value.split(",").map(Number))
      .refine((list) => list.every((n, i) => n > 0 && (i === 0 || n > list[i - 1]!)), "must rise and be above 0"),
  );

const benchEnvSchema = z.object({
  BENCH_SECONDS: positive(20),
  BENCH_API_SECONDS: positive(10),
  BENCH_API_CLIENTS: positive(50).pipe(z.number().int()),
  BENCH_WALL_MINUTES: positive(10),
  BENCH_WALL_WARMUP_SECONDS: positive(60),
  /** scale: the batch counts, the seconds of each of its two windows per count, viewers per batch, each provider's budget a minute. */
  BENCH_SCALE_SIZES: sizes("10,100,1000"),
  BENCH_SCALE_SECONDS: positive(20),
  BENCH_SCALE_VIEWERS: positive(2).pipe(z.number().int().min(2)),
  BENCH_SCALE_BUDGET: positive(1_200).pipe(z.number().int()),
  CHROMIUM_PATH: z.string().optional(),
});

export type BenchSettings = z.infer<typeof benchEnvSchema>;

/** Benchmark knobs from the environment; a bad value stops the run before anything starts. */
export function readBenchSettings(source: Record<string, string | undefined>): BenchSettings {
  const result = benchEnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Benchmarks: invalid settings.\n${lines.join("\n")}`);
}
