import { describe, expect, it } from "vitest";
import { PROVIDER_IDS } from "./provider-id";
import type { ProviderId } from "./provider-id";
import { getAdapter, providerAdapters } from "./registry";
import type { ProviderAdapter } from "./types";

describe("provider registry", () => {
  it.each(PROVIDER_IDS)("returns the %s adapter under its own id", (id) => {
    expect(getAdapter(id).id).toBe(id);
  });

  it("holds exactly the known providers", () => {
    expect(Object.keys(providerAdapters).sort()).toEqual([...PROVIDER_IDS].sort());
  });

  it("rejects a registry that forgets a provider at compile time", () => {
    const { migma, mindo, bolna } = providerAdapters;
    // @ts-expect-error sendgrid is missing, so this must not type-check
    const incomplete = { migma, mindo, bolna } satisfies Record<ProviderId, ProviderAdapter>;
    expect(Object.keys(incomplete)).toHaveLength(3);
  });
});
