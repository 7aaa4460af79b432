import { useCallback, useEffect, useRef, useState } from "react";

type Pending<T> = { value: T; timer: ReturnType<typeof setTimeout> };

/**
 * An action that waits `delayMs` before it happens, so it can be undone until then: removing a
 * batch from the team's shared list. It happens at once when another one is asked for, when the
 * view unmounts, and as the page is hidden or closed (`keepalive`, so the request outlives it).
 */
export function useDeferredAction<T>(
  commit: (value: T, options: { keepalive: boolean }) => void,
  delayMs: number,
) {
  const [pending, setPending] = useState<T | null>(null);
  const pendingRef = useRef<Pending<T> | null>(null);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  const flush = useCallback((keepalive: boolean) => {
    const current = pendingRef.current;
    if (!current) return;
    clearTimeout(current.timer);
    pendingRef.current = null;
    setPending(null);
    commitRef.current(current.value, { keepalive });
  }, []);

  const schedule = useCallback(
    (value: T) => {
      flush(false);
      pendingRef.current = { value, timer: setTimeout(() => flush(false), delayMs) };
      setPending(value);
    },
    [delayMs, flush],
  );

  const undo = useCallback(() => {
    const current = pendingRef.current;
    if (!current) return;
    clearTimeout(current.timer);
    pendingRef.current = null;
    setPending(null);
  }, []);

  useEffect(() => {
    const onHide = () => flush(true);
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      flush(true);
    };
  }, [flush]);

  return { pending, schedule, undo };
}
