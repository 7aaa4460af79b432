import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import type { SendGridEvent } from "./event-schema";
import { KEEP_EVENTS_MS, pruneEventsIfDue } from "./prune-events";
import { storeSendGridEvents } from "./store-events";

let db: Kysely<Database>;
let close: () => Promise<void>;
beforeEach(async () => ({ db, close } = await openTempDatabase()));
afterEach(async () => close());

const target = { connectionId: "c1", batchArg: "batch_id" };
let seq = 0;
const event = (
  message: string,
  name: string,
  extra: Partial<SendGridEvent> & Record<string, unknown> = {},
): SendGridEvent => ({
  sg_event_id: `ev-${++seq}`,
  sg_message_id: message,
  event: name,
  email: `${message}@example.com`,
  timestamp: 1_780_000_000,
  batch_id: "B1",
  ...extra,
});

async function tally(tag = "B1", connectionId = "c1") {
  const row = await db
    .selectFrom("sendgrid_tallies")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("batch_tag", "=", tag)
    .executeTakeFirst();
  if (!row) return undefined;
  const { processed, deferred, delivered, bounced, blocked, dropped, opened, clicked, events } =
    row;
  return { processed, deferred, delivered, bounced, blocked, dropped, opened, clicked, events };
}

describe("storeSendGridEvents", () => {
  it("counts each message once, in the furthest state its events reached", async () => {
    const events = [
      event("m1", "processed"),
      event("m1", "delivered"),
      event("m2", "processed"),
      event("m2", "deferred", { response: "450 try later" }),
      event("m3", "processed"),
      event("m3", "bounce", { type: "bounce", reason: "550 no such user" }),
      event("m4", "bounce", { type: "blocked", reason: "blocked by policy" }),
      event("m5", "dropped", { reason: "Bounced Address" }),
      event("m6", "processed"),
    ];
    const stored = await storeSendGridEvents(db, target, events);
    expect(stored).toEqual({ received: 9, recorded: 9, batchTags: ["B1"] });
    expect(await tally()).toEqual({
      processed: 6,
      deferred: 1,
      delivered: 1,
      bounced: 1,
      blocked: 1,
      dropped: 1,
      opened: 0,
      clicked: 0,
      events: 9,
    });
  });

  it("moves a message on in a later POST: deferred, then delivered, opened twice and clicked counts once each", async () => {
    await storeSendGridEvents(db, target, [event("m1", "processed"), event("m1", "deferred")]);
    expect((await tally())!.deferred).toBe(1);
    await storeSendGridEvents(db, target, [
      event("m1", "delivered"),
      event("m1", "open"),
      event("m1", "open"),
      event("m1", "click"),
    ]);
    expect(await tally()).toMatchObject({
      processed: 1,
      deferred: 0,
      delivered: 1,
      opened: 1,
      clicked: 1,
      events: 6,
    });
    // A late "deferred" (events arrive in any order) never undoes delivery.
    await storeSendGridEvents(db, target, [event("m1", "deferred")]);
    expect(await tally()).toMatchObject({ processed: 1, deferred: 0, delivered: 1 });
  });

  it("records a body posted twice (SendGrid's retry) once", async () => {
    const body = [event("m1", "processed"), event("m1", "delivered"), event("m2", "processed")];
    const first = await storeSendGridEvents(db, target, body);
    const again = await storeSendGridEvents(db, target, body);
    expect(first.recorded).toBe(3);
    expect(again).toEqual({ received: 3, recorded: 0, batchTags: [] });
    expect(await tally()).toMatchObject({ processed: 2, delivered: 1, events: 3 });
    // A repeat inside one body counts once too.
    const repeat = event("m3", "processed");
    expect((await storeSendGridEvents(db, target, [repeat, repeat])).recorded).toBe(1);
    expect((await tally())!.processed).toBe(3);
  });

  it("records overlapping bodies arriving at once (two instances) once", async () => {
    const body = Array.from({ length: 200 }, (_, i) =>
      event(`m${i % 50}`, i < 50 ? "processed" : "delivered"),
    );
    const results = await Promise.all([
      storeSendGridEvents(db, target, body),
      storeSendGridEvents(db, target, [...body].reverse()),
    ]);
    expect(results[0].recorded + results[1].recorded).toBe(200);
    expect(await tally()).toMatchObject({ processed: 50, delivered: 50, events: 200 });
  });

  it("builds on another instance's result when two bodies move the same messages at once", async () => {
    const processed = Array.from({ length: 50 }, (_, i) => event(`m${i}`, "processed"));
    const delivered = Array.from({ length: 50 }, (_, i) => event(`m${i}`, "delivered"));
    const opened = Array.from({ length: 50 }, (_, i) => event(`m${i}`, "open"));
    await Promise.all(
      [processed, delivered, opened].map((body) => storeSendGridEvents(db, target, body)),
    );
    expect(await tally()).toMatchObject({ processed: 50, delivered: 50, opened: 50, events: 150 });
  });

  it("counts untagged events per connection under the empty tag, and keeps connections apart", async () => {
    await storeSendGridEvents(db, target, [
      event("u1", "processed", { batch_id: undefined }),
      event("u1", "delivered", { batch_id: undefined }),
    ]);
    await storeSendGridEvents(db, { connectionId: "c2", batchArg: "dash_batch" }, [
      event("x1", "processed", { dash_batch: "B1" }),
    ]);
    expect(await tally("")).toMatchObject({ processed: 1, delivered: 1, events: 2 });
    expect(await tally("B1")).toBeUndefined();
    expect(await tally("B1", "c2")).toMatchObject({ processed: 1, events: 1 });
  });

  it("keeps each failed message's address and SendGrid's reason for the recipients panel", async () => {
    await storeSendGridEvents(db, target, [
      event("m1", "processed"),
      event("m1", "bounce", { type: "bounce", reason: "550 5.1.1 unknown user" }),
    ]);
    const row = await db
      .selectFrom("sendgrid_messages")
      .selectAll()
      .where("message_key", "=", "m1")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      email: "m1@example.com",
      status: "bounced",
      reason: "550 5.1.1 unknown user",
      batch_tag: "B1",
    });
  });

  it("forgets event rows past SendGrid's retries, keeping the counts, at most once an hour", async () => {
    const then = new Date("2026-11-01T00:00:00Z");
    await storeSendGridEvents(
      db,
      target,
      [event("m1", "processed"), event("m1", "delivered")],
      then,
    );
    const schedule = { lastRunAt: 0 };
    expect(
      await pruneEventsIfDue(db, new Date(then.getTime() + KEEP_EVENTS_MS - 1_000), schedule),
    ).toBe(0);
    expect(
      await pruneEventsIfDue(db, new Date(then.getTime() + KEEP_EVENTS_MS + 1_000), schedule),
    ).toBe(0);
    expect(
      await pruneEventsIfDue(
        db,
        new Date(then.getTime() + KEEP_EVENTS_MS + 2 * 60 * 60_000),
        schedule,
      ),
    ).toBe(2);
    expect(await tally()).toMatchObject({ processed: 1, delivered: 1, events: 2 });
  });
});
