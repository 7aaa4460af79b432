import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mockedDatabaseModule, routeState } from "@/lib/server/testing/route-harness";
import type { Database } from "@/lib/server/db/schema";
import { storeSendGridEvents } from "@/lib/server/hooks/sendgrid/store-events";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { emailEventsOf } from "./email-events";

vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));

let db: Kysely<Database>;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  routeState.db = db;
});
afterEach(async () => close());

describe("emailEventsOf (what a poll hands the SendGrid transform)", () => {
  it("reads the tally of the batch's own tag on its own connection, and nothing for other providers", async () => {
    const at = new Date("2026-12-02T10:00:00Z");
    await storeSendGridEvents(
      db,
      { connectionId: "c1", batchArg: "batch_id" },
      [
        {
          sg_event_id: "e1",
          sg_message_id: "m1",
          event: "processed",
          timestamp: at.getTime() / 1000,
          batch_id: "B1",
        },
        { sg_event_id: "e2", sg_message_id: "m1", event: "delivered", batch_id: "B1" },
        { sg_event_id: "e3", sg_message_id: "m2", event: "processed", batch_id: "B2" },
      ],
      at,
    );
    expect(
      await emailEventsOf({ connectionId: "c1", provider: "sendgrid", batchId: "B1" }),
    ).toEqual({
      processed: 1,
      deferred: 0,
      delivered: 1,
      bounced: 0,
      blocked: 0,
      dropped: 0,
      opened: 0,
      clicked: 0,
      events: 2,
      firstEventAt: at.toISOString(),
      lastReceivedAt: at.toISOString(),
    });
    expect(
      await emailEventsOf({ connectionId: "c2", provider: "sendgrid", batchId: "B1" }),
    ).toBeNull();
    expect(
      await emailEventsOf({ connectionId: "c1", provider: "mindo", batchId: "B1" }),
    ).toBeNull();
  });
});
