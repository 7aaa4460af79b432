import { useEffect, useState } from "react";
import { CLOCK_TICK_MS } from "@/config/polling";

/** The current time, refreshed every `tickMs`, for "N s ago" labels and the stale check. */
export function useNow(tickMs: number = CLOCK_TICK_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now;
}
