import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendJson, startFakeUpstream } from "@/lib/providers/testing/fake-upstream";
import type { FakeUpstream } from "@/lib/providers/testing/fake-upstream";
import type { ConnectionDeps } from "./deps";
import { createConnection } from "./manage";
import { testConnectionById } from "./test-connection";
import { openConnectionDeps } from "./test-deps";

const GOOD = "sk_test_sendboard_sim";
let upstream: FakeUpstream;
let deps: ConnectionDeps;
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
  ({ deps, close } = await openConnectionDeps({ MIGMA_API_URL: upstream.baseUrl, MIGMA_API_KEY: GOOD }));
  upstream.requests.length = 0;
});
afterEach(async () => close());

describe("testConnectionById", () => {
  it("says a working key works and a wrong one does not, calling only the allowlisted URL", async () => {
    const good = await createConnection(deps, "team-a", { provider: "migma", name: "Good", apiKey: GOOD });
    const bad = await createConnection(deps, "team-a", { provider: "migma", name: "Bad", apiKey: "sk_test_wrong_key" });
    expect(await testConnectionById(deps, "team-a", good.id)).toMatchObject({ ok: true });
    const rejected = await testConnectionById(deps, "team-a", bad.id);
    expect(rejected.ok).toBe(false);
    expect(rejected.message).toMatch(/does not work/);
    expect(upstream.requests.map((request) => request.url)).toEqual(["/v1/projects", "/v1/projects"]);
  });

  it("tests the environment's connection for any team", async () => {
    expect(await testConnectionById(deps, "team-z", "env-migma")).toMatchObject({ ok: true });
  });

  it("answers not_found for another team's connection without calling the provider", async () => {
    const good = await createConnection(deps, "team-a", { provider: "migma", name: "Good", apiKey: GOOD });
    await expect(testConnectionById(deps, "team-b", good.id)).rejects.toMatchObject({ code: "not_found" });
    expect(upstream.requests).toHaveLength(0);
  });
});
