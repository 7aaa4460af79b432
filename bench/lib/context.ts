import type { BenchSettings } from "./settings";

/** What every benchmark gets: the knobs, and the project directory holding the build to measure. */
export type BenchContext = { settings: BenchSettings; appDir: string };
