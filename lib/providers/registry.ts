import "server-only";
import { bolnaAdapter as bolna } from "./bolna";
import { migmaAdapter as migma } from "./migma";
import { mindoAdapter as mindo } from "./mindo";
import type { ProviderId } from "./provider-id";
import { sendGridAdapter as sendgrid } from "./sendgrid";
import type { ProviderAdapter } from "./types";

// `satisfies` makes a missing or misspelled provider a compile error, not a runtime 500.
export const providerAdapters = { migma, mindo, bolna, sendgrid } satisfies Record<
  ProviderId,
  ProviderAdapter
>;

export function getAdapter(id: ProviderId): ProviderAdapter {
  return providerAdapters[id];
}
