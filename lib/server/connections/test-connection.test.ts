import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sendJson, startFakeUpstream } from "@/lib/providers/testing/fake-upstream";
import type { FakeUpstream } from "@/lib/providers/testing/fake-upstream";
import type { ServiceContext } from "@/lib/server/service-context";
import { mockedEnvModule } from "@/lib/server/testing/route-harness";
import { createConnection } from "./manage";
import { testConnectionById } from "./test-connection";
import { openConnectionDeps } from "./test-deps";

vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const GOOD = "sk_test_sendboard_sim";
let upstream: FakeUpstream;
let as: (teamId: string) => ServiceContext;
let close: () => Promise<void>;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  upstream.reply((request, response) =>
    request.headers.authorization === `Bearer ${GOOD}`
      ? sendJson(response, 200, { success: true, data: { projects: [] } })
      : sendJson(response, 401, { success: false, code: "INVALID_API_KEY" }),
  );
});
afterAll(() => upstream.close());
beforeEach(async () => {
  ({ as, close } = await openConnectionDeps({ MIGMA_API_URL: upstream.baseUrl, MIGMA_API_KEY: GOOD }));
  upstream.requests.length = 0;
});
afterEach(async () => close());

describe("testConnectionById", () => {
  it("says a working key works and a wrong one does not, calling only the allowlisted URL", async () => {
    const good = await createConnection(as("team-a"), { provider: "migma", name: "Good", apiKey: GOOD });
    const bad = await createConnection(as("team-a"), { provider: "migma", name: "Bad", apiKey: "sk_test_wrong_key" });
    expect(await testConnectionById(as("team-a"), { id: good.id })).toMatchObject({ ok: true });
    const rejected = await testConnectionById(as("team-a"), { id: bad.id });
    expect(rejected.ok).toBe(false);
    expect(rejected.message).toMatch(/does not work/);
    expect(upstream.requests.map((request) => request.url)).toEqual(["/v1/projects", "/v1/projects"]);
  });

  it("tests the environment's connection for the first team, and knows none for another", async () => {
    expect(await testConnectionById(as("team-a"), { id: "env-migma" })).toMatchObject({ ok: true });
    await expect(testConnectionById(as("team-z"), { id: "env-migma" })).rejects.toMatchObject({ code: "not_found" });
    expect(upstream.requests).toHaveLength(1);
  });

  it("answers not_found for another team's connection without calling the provider", async () => {
    const good = await createConnection(as("team-a"), { provider: "migma", name: "Good", apiKey: GOOD });
    await expect(testConnectionById(as("team-b"), { id: good.id })).rejects.toMatchObject({ code: "not_found" });
    expect(upstream.requests).toHaveLength(0);
  });
});
