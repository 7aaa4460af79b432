import "server-only";
import type { Region } from "@/lib/connection";
import type { Env } from "@/lib/env";
import { getProviderSettings } from "@/lib/env";
import type { ProviderId } from "@/lib/providers/provider-id";

const SENDGRID_GLOBAL_HOST = "api.sendgrid.com";
const SENDGRID_EU_URL = "https://api.eu.sendgrid.com";

/**
 * The only base URLs the server calls with a stored key: the operator's *_API_URL per provider,
 * plus SendGrid's EU host. People choose a region, never a URL.
 */
export function baseUrlFor(env: Env, provider: ProviderId, region: Region | null): string {
  const configured = getProviderSettings(env, provider).baseUrl;
  if (provider !== "sendgrid" || region !== "eu") return configured;
  // An operator who points SendGrid elsewhere (the simulator, a proxy) means it for both regions.
  return new URL(configured).hostname === SENDGRID_GLOBAL_HOST ? SENDGRID_EU_URL : configured;
}
