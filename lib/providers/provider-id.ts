import { z } from "zod/mini";
import { mapProfiles } from "./profiles";

// Client-safe: the list of providers and how people call them. Everything else a provider is
// lives in lib/providers/<id>/ (profile.ts for the facts, the rest for its API).
export const PROVIDER_IDS = ["migma", "mindo", "bolna", "sendgrid"] as const;
export const providerIdSchema = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof providerIdSchema>;

export const PROVIDER_INFO = mapProfiles(({ name, channel }) => ({ name, channel }));

export function isProviderId(value: string): value is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(value);
}
