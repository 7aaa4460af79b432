import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAdapter } from "@/lib/providers/registry";
import { sendJson, startFakeUpstream } from "@/lib/providers/testing/fake-upstream";
import type { FakeUpstream } from "@/lib/providers/testing/fake-upstream";
import { getMetrics } from "@/lib/server/metrics";
import { providerAccessFor } from "./provider-access";

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());

async function counted(metric: "upstreamCalls" | "upstreamErrors", labels: Record<string, string>): Promise<number> {
  const { values } = await getMetrics()[metric].get();
  const match = values.find((value) => {
    const seen: Record<string, string | number | undefined> = value.labels;
    return Object.entries(labels).every(([name, label]) => seen[name] === label);
  });
  return match?.value ?? 0;
}

describe("providerAccessFor", () => {
  const access = () => providerAccessFor({ baseUrl: upstream.baseUrl, readApiKey: () => "bolna_key" }, 2000);

  it("counts the adapter's calls in /api/metrics' upstream counters", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, { id: "acct" }));
    const before = await counted("upstreamCalls", { provider: "bolna", outcome: "2xx" });
    await getAdapter("bolna").testConnection({ access: access() });
    expect(await counted("upstreamCalls", { provider: "bolna", outcome: "2xx" })).toBe(before + 1);
  });

  it("counts the error a failed batch read became", async () => {
    upstream.reply((_q, r) => sendJson(r, 500, { message: "down" }));
    const before = await counted("upstreamErrors", { provider: "bolna", code: "provider_error" });
    await expect(getAdapter("bolna").getBatch("3c90c3cc0d444b5088888dd25736052a", { access: access(), now: new Date() })).rejects.toThrow();
    expect(await counted("upstreamErrors", { provider: "bolna", code: "provider_error" })).toBe(before + 1);
  });
});
