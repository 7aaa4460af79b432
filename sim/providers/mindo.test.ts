import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIM_SCENARIOS } from "../scenarios";
import { startSimulator, type Simulator } from "../server";
import { simCall } from "../testing";

type Page = {
  count: number;
  next: string | null;
  previous: string | null;
  results: Record<string, unknown>[];
};

const LIST = "/api/v1/meta-templates/bulk-sends/";
const messages = (id: string, query = "") => `${LIST}${id}/messages/${query}`;
const META_ERRORS = [
  "Message undeliverable",
  "This message was not delivered to maintain healthy ecosystem engagement.",
  "Re-engagement message",
  "User's number is part of an experiment",
  "Rate limit hit",
  "Spam rate limit hit",
  "Pair rate limit hit",
  "Business eligibility payment issue",
];

describe("mindo simulator: bulk-send list and messages", () => {
  let sim: Simulator;
  const page = async (path: string) => {
    const answer = await simCall(sim, "mindo", path);
    expect(answer.status, path).toBe(200);
    return answer.json as Page;
  };
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, startedAt: Date.now() - 300_000 });
  });
  afterAll(() => sim.close());

  it("lists bulk sends as a DRF page of status objects without eta, start and creator, newest first", async () => {
    const list = await page(LIST);
    expect(Object.keys(list)).toEqual(["count", "next", "previous", "results"]);
    expect(list.count).toBeGreaterThanOrEqual(13);
    for (const item of list.results) {
      expect(item).not.toHaveProperty("estimated_time_minutes");
      expect(item).not.toHaveProperty("started_at");
      expect(item).not.toHaveProperty("created_by");
      expect(item).toHaveProperty("pending_count");
    }
    const created = list.results.map((item) => String(item.created_at));
    expect(created).toEqual([...created].sort().reverse());
    const id = SIM_SCENARIOS.mindo.completed;
    const status = (await simCall(sim, "mindo", `${LIST}${id}/`)).json as Record<string, unknown>;
    const listed = list.results.find((item) => item.id === id);
    expect(listed).toEqual(
      Object.fromEntries(
        Object.entries(status).filter(
          ([key]) => !["estimated_time_minutes", "started_at", "created_by"].includes(key),
        ),
      ),
    );
  });

  it("pages with absolute next/previous URLs on its own host, keeping the filters", async () => {
    const first = await page(`${LIST}?status=PARTIAL&page_size=2`);
    expect(first.next).toBe(`${sim.url}${LIST}?status=PARTIAL&page_size=2&page=2`);
    expect(first.previous).toBeNull();
    const second = await page(new URL(first.next!).pathname + new URL(first.next!).search);
    expect(second.previous).toBe(`${sim.url}${LIST}?status=PARTIAL&page_size=2`);
    expect([...first.results, ...second.results].every((item) => item.status === "PARTIAL")).toBe(
      true,
    );
    expect(first.count).toBe(second.count);
  });

  it("answers DRF's errors for a page past the end and django-filter's for bad filters", async () => {
    expect(await simCall(sim, "mindo", `${LIST}?page=99`)).toMatchObject({
      status: 404,
      json: { detail: "Invalid page." },
    });
    expect(await simCall(sim, "mindo", `${LIST}?status=processing`)).toMatchObject({
      status: 400,
      json: { status: ["Select a valid choice. processing is not one of the available choices."] },
    });
    expect(await simCall(sim, "mindo", `${LIST}?created_after=yesterday`)).toMatchObject({
      status: 400,
      json: { created_after: ["Enter a valid date."] },
    });
    expect((await simCall(sim, "mindo", LIST, { headers: {} })).status).toBe(401);
  });

  it("filters by template id and creation date", async () => {
    const cart = await page(`${LIST}?template=62`);
    expect(
      cart.results.map((item) => (item.template as { template_name: string }).template_name),
    ).toEqual(["abandoned_cart"]);
    expect((await page(`${LIST}?created_after=2999-01-01`)).count).toBe(0);
  });

  // Finished and cancelled sends, whose counters no longer move between the calls.
  it("lists messages whose per-status counts are exactly the bulk send's counters", async () => {
    for (const id of [
      SIM_SCENARIOS.mindo.partial,
      SIM_SCENARIOS.mindo.cancelled,
      "00000000-0000-4000-8000-0000000000a2",
    ]) {
      const send = (await simCall(sim, "mindo", `${LIST}${id}/`)).json as Record<string, number>;
      const count = async (status: string) =>
        (await page(messages(id, `?status=${status}&page_size=1`))).count;
      expect(await count("read"), id).toBe(send.read_count);
      expect(await count("delivered"), id).toBe(send.delivered_count! - send.read_count!);
      expect(await count("sent"), id).toBe(send.sent_count! - send.delivered_count!);
      expect(await count("failed"), id).toBe(send.failed_count);
      expect((await page(messages(id, "?page_size=1"))).count, id).toBe(
        send.sent_count! + send.failed_count!,
      );
    }
  });

  it("gives failures Meta's error texts and every recipient a realistic number of its own", async () => {
    const failed = await page(
      messages("00000000-0000-4000-8000-0000000000a4", "?status=failed&page_size=100"),
    );
    expect(failed.count).toBeGreaterThan(100);
    const reasons = new Set(failed.results.map((row) => row.error_message));
    expect([...reasons].every((reason) => META_ERRORS.includes(String(reason)))).toBe(true);
    expect(reasons.size).toBeGreaterThan(3);
    const all = await page(messages(SIM_SCENARIOS.mindo.completed, "?page_size=100"));
    for (const row of all.results) {
      expect(Object.keys(row)).toEqual([
        "id",
        "recipient_phone",
        "status",
        "meta_message_id",
        "variables_used",
        "sent_at",
        "delivered_at",
        "read_at",
        "error_message",
      ]);
      expect(row.recipient_phone).toMatch(/^\+549\d{10}$/);
      expect(typeof row.id).toBe("number");
    }
    expect(new Set(all.results.map((row) => row.recipient_phone)).size).toBe(100);
    const brazil = await page(messages("00000000-0000-4000-8000-0000000000a1", "?page_size=5"));
    expect(
      brazil.results.every((row) => /^\+55\d{2}9\d{8}$/.test(String(row.recipient_phone))),
    ).toBe(true);
  });

  it("shows a read message with all three times and a delivered one without read_at", async () => {
    const id = SIM_SCENARIOS.mindo.completed;
    const [read] = (await page(messages(id, "?status=read&page_size=1"))).results;
    expect(read).toMatchObject({
      sent_at: expect.any(String),
      delivered_at: expect.any(String),
      read_at: expect.any(String),
      error_message: null,
    });
    const [delivered] = (await page(messages(id, "?status=delivered&page_size=1"))).results;
    expect(delivered).toMatchObject({ delivered_at: expect.any(String), read_at: null });
  });

  it("answers 404s, filter errors, faults and Django's redirect on the messages path", async () => {
    expect(
      await simCall(sim, "mindo", messages("a3f2b8c9-4d5e-6f7a-8b9c-0d1e2f3a4b5c")),
    ).toMatchObject({ status: 404, json: { detail: "Not found." } });
    expect(
      (await simCall(sim, "mindo", messages(SIM_SCENARIOS.mindo.partial, "?status=pending")))
        .status,
    ).toBe(400);
    expect((await simCall(sim, "mindo", messages(SIM_SCENARIOS.mindo["fault-500"]))).status).toBe(
      500,
    );
    const unslashed = await simCall(
      sim,
      "mindo",
      `${LIST}${SIM_SCENARIOS.mindo.partial}/messages?status=failed`,
    );
    expect([unslashed.status, unslashed.headers.get("location")]).toEqual([
      301,
      `${messages(SIM_SCENARIOS.mindo.partial)}?status=failed`,
    ]);
  });

  it("does not count list or message calls as batch-status calls", async () => {
    sim.resetCounts();
    await simCall(sim, "mindo", LIST);
    await simCall(sim, "mindo", messages(SIM_SCENARIOS.mindo.partial));
    await simCall(sim, "mindo", `${LIST}${SIM_SCENARIOS.mindo.partial}/messages`);
    expect(sim.callCount("mindo")).toBe(0);
  });

  it("makes a fresh c0ffee00- bulk send on first sight: sending from then on, distinct per id, not listed", async () => {
    const fresh = (n: number) => `c0ffee00-0000-4000-8000-${String(n).padStart(12, "0")}`;
    const first = (await simCall(sim, "mindo", `${LIST}${fresh(1)}/`)).json as Record<string, unknown>;
    expect(first).toMatchObject({ id: fresh(1), status: "PROCESSING", total_recipients: 1500 });
    expect((await simCall(sim, "mindo", `${LIST}${fresh(2)}/`)).json).toMatchObject({ id: fresh(2), status: "PROCESSING" });
    const list = await page(`${LIST}?page_size=100`);
    expect(list.results.map((item) => item.id)).not.toContain(fresh(1));
    // Upper-case or off-pattern ids stay unknown, as before.
    expect((await simCall(sim, "mindo", `${LIST}c0ffee00-0000-4000-8000-00000000000A/`)).status).toBe(404);
    expect((await simCall(sim, "mindo", `${LIST}c0ffee00-0000-1000-8000-000000000001/`)).json).toEqual({ detail: "Not found." });
  });
});
