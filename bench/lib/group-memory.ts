import { readdirSync, readFileSync } from "node:fs";

// /proc/<pid>/statm counts pages; resident set is its second field.
const PAGE_BYTES = 4_096;

/**
 * Resident memory (bytes) of every live process in a process group, added up (Linux /proc; NaN
 * elsewhere). Shared pages count once per process, which for `next start` (one process) is exact.
 */
export function groupRssBytes(groupId: number): number {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return Number.NaN;
  }
  let pages = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name, which sits in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue;
      pages += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return pages * PAGE_BYTES;
}
