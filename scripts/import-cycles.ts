// Lists import cycles among the project's own files (type-only imports included), and says which
// of them cross folders: `npx tsx scripts/import-cycles.ts [dir…]` (default: lib app components).
// Exits 1 when a cycle joins files of different folders; a cycle inside one folder is reported only.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = process.cwd();
const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["lib", "app", "components"];
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const options = config?.options ?? {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

const files = dirs.flatMap((dir) => sourceFiles(path.join(root, dir)));
const known = new Set(files);
const edges = new Map<string, string[]>();
for (const file of files) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  const targets = importedFiles.flatMap(({ fileName }) => {
    const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
    return resolved && known.has(resolved) ? [resolved] : [];
  });
  edges.set(file, [...new Set(targets)]);
}

// Tarjan's strongly connected components: every component of more than one file is a cycle.
let index = 0;
const order = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const cycles: string[][] = [];
function visit(file: string): void {
  order.set(file, index);
  low.set(file, index++);
  stack.push(file);
  onStack.add(file);
  for (const next of edges.get(file) ?? []) {
    if (!order.has(next)) {
      visit(next);
      low.set(file, Math.min(low.get(file)!, low.get(next)!));
    } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, order.get(next)!));
  }
  if (low.get(file) !== order.get(file)) return;
  const component: string[] = [];
  let member: string;
  do {
    member = stack.pop()!;
    onStack.delete(member);
    component.push(path.relative(root, member));
  } while (member !== file);
  if (component.length > 1) cycles.push(component.sort());
}
for (const file of files) if (!order.has(file)) visit(file);

const crossing = cycles.filter((cycle) => new Set(cycle.map((file) => path.dirname(file))).size > 1);
for (const cycle of cycles) console.log(`${crossing.includes(cycle) ? "across folders" : "within a folder"}: ${cycle.join(" ⇄ ")}`);
console.log(`${files.length} files, ${cycles.length} cycles, ${crossing.length} across folders`);
process.exitCode = crossing.length > 0 ? 1 : 0;
