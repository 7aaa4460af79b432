import { expect, test, type APIResponse } from "@playwright/test";
import { E2E } from "./support/settings";

const errorOf = async (response: APIResponse) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

test("a batch answers 200 with the normalised snapshot and no-store", async ({ request }) => {
  const response = await request.get(`/api/batches/bolna/${E2E.ids.bolna["docs-example"]}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  const snapshot = await response.json();
  expect(snapshot).toMatchObject({ provider: "bolna", state: "scheduled", total: 7, updatedAt: null });
});

test("bad input is a 400 with a code", async ({ request }) => {
  expect(await errorOf(await request.get("/api/batches/mailchimp/abc"))).toMatchObject({ code: "invalid_provider" });
  for (const bad of ["a%25b", "a..b", "a%2Fb", "a%0Ab", "x".repeat(200)]) {
    const response = await request.get(`/api/batches/migma/${bad}`);
    expect(response.status(), bad).toBe(400);
    expect((await errorOf(response)).code, bad).toBe("invalid_batch_id");
  }
  expect((await request.get("/api/batches/mindo/not-a-uuid")).status()).toBe(400);
});

test("provider failures map to 404 and 502 and never leak keys or bodies", async ({ request }) => {
  const cases = [
    ["migma", "sim-no-such-batch", 404, "not_found"],
    ["migma", E2E.ids.migma["fault-500"], 502, "provider_error"],
    ["mindo", E2E.ids.mindo["fault-502-html"], 502, "provider_error"],
    ["bolna", E2E.ids.bolna["fault-wrong-types"], 502, "provider_bad_response"],
    ["sendgrid", E2E.ids.sendgrid["fault-429"], 502, "provider_rate_limited"],
    ["migma", E2E.ids.migma["fault-slow"], 502, "provider_timeout"],
  ] as const;
  for (const [provider, batchId, status, code] of cases) {
    const response = await request.get(`/api/batches/${provider}/${batchId}`);
    expect(response.status(), `${provider} ${batchId}`).toBe(status);
    const body = await response.text();
    expect(JSON.parse(body).error.code).toBe(code);
    for (const key of Object.values(E2E.keys)) expect(body).not.toContain(key);
    expect(body).not.toMatch(/<html|Not found\.|too many requests/i);
  }
});
