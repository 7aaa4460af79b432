import { QueryClient } from "@tanstack/react-query";
import { WALL_GC_TIME_MS } from "@/config/wall";

// A wall runs for a whole send: its own client, so batches that left the board leave memory too.
export function createWallQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        gcTime: WALL_GC_TIME_MS,
        refetchOnWindowFocus: true,
        refetchIntervalInBackground: false,
      },
      mutations: { retry: false },
    },
  });
}
