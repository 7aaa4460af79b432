import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { appVersionQueryOptions } from "@/lib/queries/wall";

/** An unattended screen picks up a deploy by itself: the first version seen is the one it runs. */
export function useReloadOnNewVersion(): void {
  const { data: version } = useQuery(appVersionQueryOptions());
  const loaded = useRef<string | null>(null);
  useEffect(() => {
    if (version === undefined) return;
    if (loaded.current === null) {
      loaded.current = version;
      return;
    }
    // The new server already answered, so the reloaded page has something to load from.
    if (version !== loaded.current) window.location.reload();
  }, [version]);
}
