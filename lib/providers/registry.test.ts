import { describe, expect, it } from "vitest";
import { defineAdapter } from "./define-adapter";
import { mindoAdapter } from "./mindo";
import { mindoProfile } from "./mindo/profile";
import { profileOf } from "./profiles";
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

  it.each(PROVIDER_IDS)("gives %s exactly the operations its profile's capabilities promise", (id) => {
    const adapter = getAdapter(id);
    const { list, actions, recipients } = profileOf(id).capabilities;
    expect(adapter.listBatches !== undefined).toBe(list === "account" || list === "paused-and-cancelled");
    expect(adapter.listAgents !== undefined).toBe(list === "per-agent");
    expect(adapter.listAgentBatches !== undefined).toBe(list === "per-agent");
    expect(adapter.control !== undefined).toBe(actions.length > 0);
    expect(adapter.listRecipients !== undefined).toBe(recipients === "api");
  });

  it("rejects an adapter whose operations disagree with its profile at compile time", () => {
    const { getBatch, testConnection, listBatches } = mindoAdapter;
    const parts = { profile: mindoProfile, fetchBatch: getBatch, normalize: () => ({}) as never, testConnection };
    // @ts-expect-error Mindo's profile promises per-recipient rows, so listRecipients is required
    const missing = defineAdapter({ ...parts, listBatches: listBatches! });
    // @ts-expect-error Mindo's profile offers no actions, so a control operation must not compile
    const extra = defineAdapter({ ...parts, listBatches: listBatches!, listRecipients: mindoAdapter.listRecipients!, control: async () => ({ kind: "done" }) });
    expect([missing.id, extra.id]).toEqual(["mindo", "mindo"]);
  });
});
