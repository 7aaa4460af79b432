import "server-only";
import type { ProviderId } from "@/lib/providers/provider-id";

/** A connection ready for an adapter call; the key is decrypted only when readApiKey runs. */
export type ResolvedConnection = {
  id: string;
  provider: ProviderId;
  name: string;
  baseUrl: string;
  /** Calls per minute; null = the provider's default budget. */
  budgetPerMinute: number | null;
  readApiKey: () => string;
};
