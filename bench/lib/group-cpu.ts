import { readdirSync, readFileSync } from "node:fs";

// /proc reports CPU time in USER_HZ ticks, 100 a second on Linux.
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used so far by every live process in a process group (Linux /proc; NaN elsewhere).
 * Unlike throughput, CPU per request barely moves when other work shares the cores.
 */
export function groupCpuSeconds(groupId: number): number {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return Number.NaN;
  }
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name, which sits in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / TICKS_PER_SECOND;
}
