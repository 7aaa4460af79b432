"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import type { WallDescriptor, WallSource } from "@/lib/wall/descriptor";
import { WallBody } from "./wall-body";
import { createWallQueryClient } from "./wall-query-client";

export function WallScreen({ source, initial }: { source: WallSource; initial: WallDescriptor }) {
  const [client] = useState(createWallQueryClient);
  return (
    <QueryClientProvider client={client}>
      <WallBody source={source} initial={initial} />
    </QueryClientProvider>
  );
}
