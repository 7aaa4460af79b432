import { useEffect, useState } from "react";
import { BURN_IN_MAX_PX, BURN_IN_SHIFT_MS } from "@/config/wall";

export type Shift = { x: number; y: number };

/** A slow walk around the origin, never more than `max` px away on either axis. */
export function burnInOffset(step: number, max = BURN_IN_MAX_PX): Shift {
  return { x: Math.round(max * Math.sin(step * 1.7)), y: Math.round(max * Math.sin(step * 1.1)) };
}

/** Moves a static screen by a few pixels every few minutes, against burn-in on TVs. */
export function useBurnInShift(intervalMs: number = BURN_IN_SHIFT_MS): Shift {
  const [step, setStep] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setStep((current) => (current + 1) % 1_000), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return burnInOffset(step);
}
