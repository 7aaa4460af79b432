import "server-only";
import type { Region } from "@/lib/connection";
import { profileOf } from "@/lib/providers/profiles";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { Env } from "@/lib/server/env";
import { getProviderSettings } from "@/lib/server/env";

/**
 * The only base URLs the server calls with a stored key: the operator's *_API_URL per provider,
 * plus the regional hosts in the profiles (SendGrid's EU host). People choose a region, never a URL.
 */
export function baseUrlFor(env: Env, provider: ProviderId, region: Region | null): string {
  const configured = getProviderSettings(env, provider).baseUrl;
  const profile = profileOf(provider);
  const regional = region === null ? undefined : profile.regionalBaseUrls?.[region];
  if (regional === undefined) return configured;
  // An operator who points a provider elsewhere (the simulator, a proxy) means it for every region.
  return new URL(configured).hostname === new URL(profile.defaultBaseUrl).hostname ? regional : configured;
}
