import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startFakeUpstream } from "../testing/fake-upstream";
import type { FakeUpstream } from "../testing/fake-upstream";
import { describeKeyCheck, expectPlainResult, testContextFor } from "../testing/key-check-cases";
import { sendGridAdapter } from "./index";

const API_KEY = "SG.sendboard-sim.key";
const ALL_SCOPES = ["mail.batch.read", "user.scheduled_sends.read", "mail.send"];

describeKeyCheck({
  adapter: sendGridAdapter,
  apiKey: API_KEY,
  path: "/v3/scopes",
  authHeader: ["authorization", `Bearer ${API_KEY}`],
  okBody: { scopes: ALL_SCOPES },
});

describe("sendgrid testConnection scopes", () => {
  let upstream: FakeUpstream;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());
  const run = () => sendGridAdapter.testConnection(testContextFor(upstream.baseUrl, API_KEY).context);

  it("names each scope Sendboard needs that the key lacks", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, { scopes: ["mail.send", "user.scheduled_sends.read"] }));
    const result = await run();
    expectPlainResult(result, false, API_KEY);
    expect(result.missingScopes).toEqual(["mail.batch.read"]);
    expect(result.message).toContain("mail.batch.read");
  });

  it("lists both when neither is granted", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, { scopes: [] }));
    expect((await run()).missingScopes).toEqual(["mail.batch.read", "user.scheduled_sends.read"]);
  });

  it("accepts the key when the scope list is unreadable, and says so", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, { scopes: "everything" }));
    const result = await run();
    expectPlainResult(result, true, API_KEY);
    expect(result.missingScopes).toBeUndefined();
    expect(result.message).toMatch(/did not list/);
  });
});
