import { bolnaProfile } from "./bolna/profile";
import { migmaProfile } from "./migma/profile";
import { mindoProfile } from "./mindo/profile";
import type { ProviderId } from "./provider-id";
import type { ProviderProfile } from "./provider-profile";
import { sendGridProfile } from "./sendgrid/profile";

// Client-safe. `satisfies` makes a missing provider, or one filed under another's id, a compile error.
export const PROVIDER_PROFILES = {
  migma: migmaProfile,
  mindo: mindoProfile,
  bolna: bolnaProfile,
  sendgrid: sendGridProfile,
} as const satisfies { [Id in ProviderId]: ProviderProfile<Id> };

/** One provider's profile, seen through the common type (the optional fields included). */
export function profileOf(provider: ProviderId): ProviderProfile<ProviderId> {
  return PROVIDER_PROFILES[provider];
}

/** A table with one entry per provider, read off the profiles (PROVIDER_INFO, the poll budgets, …). */
export function mapProfiles<T>(pick: (profile: ProviderProfile<ProviderId>) => T): Record<ProviderId, T> {
  const profiles: readonly ProviderProfile<ProviderId>[] = Object.values(PROVIDER_PROFILES);
  return Object.fromEntries(profiles.map((profile) => [profile.id, pick(profile)])) as Record<ProviderId, T>;
}
