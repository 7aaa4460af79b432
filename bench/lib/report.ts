export type BenchStatus = "PASS" | "FAIL" | "SKIPPED";
export type BenchResult = { status: BenchStatus; summary: string };

export function verdict(ok: boolean): BenchStatus {
  return ok ? "PASS" : "FAIL";
}

/** One benchmark's block: what was measured, the figures, the target and the verdict. */
export function printBlock(
  title: string,
  block: { measured: string; figures: string[]; target: string; result: BenchResult },
) {
  const rule = "─".repeat(Math.max(8, 78 - title.length));
  console.log(`\n── ${title} ${rule}`);
  console.log(`Measured: ${block.measured}`);
  for (const line of block.figures) console.log(`  ${line}`);
  console.log(`Target:   ${block.target}`);
  console.log(`Result:   ${block.result.status} — ${block.result.summary}`);
}

/** Figures right-aligned; the first column (names) and the columns listed in `textColumns` left-aligned. */
export function formatTable(
  rows: readonly (readonly string[])[],
  textColumns: readonly number[] = [],
): string[] {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const isText = (column: number) => column === 0 || textColumns.includes(column);
  return rows.map((row) =>
    row
      .map((cell, column) =>
        isText(column) ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join("  ")
      .trimEnd(),
  );
}

export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}
