import { expect, test } from "@playwright/test";
import { E2E } from "./support/settings";

test.describe("without a session", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("health and readiness answer without auth and reveal nothing else", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { database: "ok", scheduler: "ok" } });
  });

  test("metrics need the token and count upstream calls", async ({ request }) => {
    expect((await request.get("/api/metrics")).status()).toBe(401);
    expect((await request.get("/api/metrics", { headers: { Authorization: "Bearer wrong-token-wrong-token" } })).status()).toBe(401);
    const metrics = await request.get("/api/metrics", { headers: { Authorization: `Bearer ${E2E.metricsToken}` } });
    expect(metrics.status()).toBe(200);
    const text = await metrics.text();
    for (const name of ["sendboard_upstream_calls_total", "sendboard_upstream_latency_seconds", "sendboard_active_viewers", "sendboard_snapshot_age_seconds"]) {
      expect(text).toContain(name);
    }
    for (const key of Object.values(E2E.keys)) expect(text).not.toContain(key);
  });

  test("every page carries the security headers, and share pages send no referrer", async ({ page }) => {
    for (const path of ["/signin", "/s/a-token-that-does-not-exist-0000000000000000"]) {
      const response = await page.goto(path);
      const headers = response!.headers();
      const csp = headers["content-security-policy"] ?? "";
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(headers["strict-transport-security"], path).toContain("max-age=");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe(path.startsWith("/s/") ? "no-referrer" : "strict-origin-when-cross-origin");
      // Next put the per-request nonce on its scripts, so the page still runs under the policy.
      // (Read from the HTML: browsers hide nonce attributes from the DOM once parsed.)
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      expect(await response!.text(), path).toContain(`nonce="${nonce}"`);
    }
  });
});

test("signed-in pages carry the policy too, and the app works under it", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  const response = await page.goto(`/batches/migma/${E2E.ids.migma.completed}`);
  expect(response!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  await expect(page.getByTestId("batch-state")).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(errors).toEqual([]);
});
