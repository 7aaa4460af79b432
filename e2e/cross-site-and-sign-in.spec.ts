import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { uniqueName } from "./support/boards";
import { E2E } from "./support/settings";
import { signInFrom } from "./support/sign-in-from";

// The simulator's port is another origin on the same host: the same *site*, so the browser sends
// the session cookie along (SameSite=Lax does not stop it). The page there is made up by the test.
const EVIL = `http://127.0.0.1:${E2E.simPort}/__evil`;

test("a write from another origin is refused, whatever its form; scripts and our own pages still write", async ({ page, request }) => {
  const label = uniqueName("Planted");
  // A plain HTML form: text/plain, no preflight. Its one field spells a JSON body the old reader took.
  const field = JSON.stringify({ provider: "migma", batchId: E2E.ids.migma.failed, label, pad: "" }).slice(0, -2);
  await page.route(EVIL, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="POST" action="${E2E.appUrl}/api/watched" enctype="text/plain"><input name='${field}' value='"}'></form>
             <script>document.forms[0].submit()</script>`,
    }),
  );
  await page.goto(EVIL);
  await expect(page.locator("body")).toContainText("cross_site_request");
  expect(await (await request.get("/api/watched")).text()).not.toContain(label);

  // A script (neither Sec-Fetch-Site nor Origin) with a session: allowed, but only as JSON.
  const asText = await request.post("/api/watched", { headers: { "content-type": "text/plain" }, data: JSON.stringify({ provider: "migma", batchId: "x" }) });
  expect(asText.status()).toBe(415);
  expect(await asText.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
  const unknownKey = await request.post("/api/watched", { data: { provider: "migma", batchId: E2E.ids.migma.failed, padding: "x" } });
  expect(unknownKey.status()).toBe(400);
  expect((await unknownKey.json()).error.message).toContain('"padding"');

  // The same write from our own page goes through (and is taken back). A batch no other spec
  // watches, so the add cannot meet one already on the list, and the label names nothing shared.
  await page.goto("/");
  const statuses = await page.evaluate(async (batch) => {
    const json = { "content-type": "application/json" };
    const added = await fetch("/api/watched", { method: "POST", headers: json, body: JSON.stringify(batch) });
    const { item } = (await added.json()) as { item: { id: string } };
    const removed = await fetch(`/api/watched/${item.id}`, { method: "DELETE" });
    return [added.status, removed.status];
  }, { provider: "migma", batchId: `cross-site-check-${Date.now().toString(36)}`, label });
  expect(statuses).toEqual([201, 204]);
});

test("bodies are capped while they stream, before anyone signs in", async ({ request }) => {
  const huge = await request.post(`/api/invites/${"A".repeat(43)}`, {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ password: "x".repeat(2 * 1024 * 1024) }),
  });
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toMatchObject({ error: { code: "payload_too_large" } });
});

async function makeMember(request: APIRequestContext) {
  const email = `throttled-${Date.now().toString(36)}@e2e.test`;
  const password = "member-password-2";
  const invited = await request.post("/api/users", { data: { email, name: "Throttled", role: "member" } });
  expect(invited.status()).toBe(201);
  const token = ((await invited.json()) as { inviteUrl: string }).inviteUrl.split("/invite/")[1];
  expect((await request.post(`/api/invites/${token}`, { data: { password } })).status()).toBe(204);
  return { email, password };
}

test("sign-in throttling keys on the socket's address: X-Forwarded-For neither escapes it nor locks anyone else out", async ({ request }) => {
  const member = await makeMember(request);
  // Five wrong passwords from 127.0.0.2, each claiming another address.
  for (let i = 0; i < 5; i++) {
    const wrong = await signInFrom("127.0.0.2", member.email, "not-the-password", { "x-forwarded-for": `203.0.113.${i}` });
    expect(wrong.status).toBe(401);
  }
  const refused = await signInFrom("127.0.0.2", member.email, member.password, { "x-forwarded-for": "198.51.100.1" });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(60);
  expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "too_many_attempts" } });
  expect(refused.signedIn).toBe(false);

  // The right password from another address, even one that claims to be the throttled one, works.
  const elsewhere = await signInFrom("127.0.0.1", member.email, member.password, { "x-forwarded-for": "127.0.0.2" });
  expect(elsewhere.status).toBe(200);
  expect(elsewhere.signedIn).toBe(true);
});
