import { useCallback, useState } from "react";

export type ElementSize = { width: number; height: number };

/** The live content size of one element, through a ResizeObserver attached by the returned ref. */
export function useElementSize<T extends HTMLElement>(): [
  (element: T | null) => void,
  ElementSize | null,
] {
  const [size, setSize] = useState<ElementSize | null>(null);
  const ref = useCallback((element: T | null) => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((current) =>
        current && current.width === width && current.height === height
          ? current
          : { width, height },
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
