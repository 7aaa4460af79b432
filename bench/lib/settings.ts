import { z } from "zod";

const positive = (fallback: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().positive().default(fallback),
  );

const benchEnvSchema = z.object({
  BENCH_SECONDS: positive(20),
  BENCH_API_SECONDS: positive(10),
  BENCH_API_CLIENTS: positive(50).pipe(z.number().int()),
  BENCH_WALL_MINUTES: positive(10),
  BENCH_WALL_WARMUP_SECONDS: positive(60),
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
