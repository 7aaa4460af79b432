import { useEffect, useState } from "react";

export type WakeLockStatus = "pending" | "active" | "released" | "unsupported" | "denied";

/**
 * Keeps the screen on while `enabled`. The browser drops the lock whenever the page is hidden,
 * so it is asked for again each time the page becomes visible.
 */
export function useWakeLock(enabled: boolean): WakeLockStatus {
  const [status, setStatus] = useState<WakeLockStatus>("pending");
  useEffect(() => {
    if (!enabled) return;
    let sentinel: WakeLockSentinel | null = null;
    let stopped = false;
    const acquire = async () => {
      if (!("wakeLock" in navigator)) return setStatus("unsupported");
      if (document.visibilityState !== "visible" || (sentinel && !sentinel.released)) return;
      try {
        const next = await navigator.wakeLock.request("screen");
        if (stopped) return void next.release();
        sentinel = next;
        setStatus("active");
        next.addEventListener("release", () => {
          if (!stopped) setStatus("released");
        });
      } catch {
        // Low battery, a permissions policy or a hidden page: try again at the next visibility change.
        if (!stopped) setStatus("denied");
      }
    };
    const onVisibilityChange = () => void acquire();
    void acquire();
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      stopped = true;
      document.removeEventListener("visibilitychange", onVisibilityChange);
      void sentinel?.release();
    };
  }, [enabled]);
  return status;
}
