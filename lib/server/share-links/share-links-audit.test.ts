import { sql, type Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storedEvents } from "@/lib/server/audit/test-support";
import { createBoard } from "@/lib/server/boards";
import type { Database } from "@/lib/server/db/schema";
import type { Actor } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { createShareLink, revokeShareLink } from ".";

const alice: Actor = { id: "u1", teamId: "t1", role: "member", email: "alice@t1.test" };
const mallory: Actor = { id: "u9", teamId: "t2", role: "admin", email: "mallory@t2.test" };
const origin = "https://sendboard.example";
const now = new Date("2026-03-01T12:00:00.000Z");
const later = new Date("2026-03-01T13:00:00.000Z");
const BOLNA_BATCH = "00000000000000000000000000000002";

let db: Kysely<Database>;
let close: () => Promise<void>;
let boardId: string;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  boardId = (await createBoard(ctxOf(alice), { name: "Ops wall", batches: [] })).id;
});
afterEach(async () => close());

const ctxOf = (actor: Actor): ServiceContext => ({ db, actor, address: "198.51.100.4" });

describe("the share links the activity log records", () => {
  it("created and revoked, named by what they share and never by their token", async () => {
    const board = await createShareLink(ctxOf(alice), { target: { boardId }, origin }, now);
    const batch = await createShareLink(
      ctxOf(alice),
      { target: { batch: { provider: "bolna", batchId: BOLNA_BATCH } }, origin },
      now,
    );
    await revokeShareLink(ctxOf(alice), { linkId: board.id }, later);
    await revokeShareLink(ctxOf(alice), { linkId: board.id }, later);
    const events = await storedEvents(db);
    const brief = events.map(
      ({ action, target_id, target_label, details, actor_email, address }) => ({
        action,
        target_id,
        target_label,
        details,
        actor_email,
        address,
      }),
    );
    expect(brief).toHaveLength(3);
    expect(brief).toEqual(
      expect.arrayContaining([
        {
          action: "share_link.create",
          target_id: board.id,
          target_label: "Ops wall",
          details: { shares: "board", boardId },
          actor_email: "alice@t1.test",
          address: "198.51.100.4",
        },
        {
          action: "share_link.create",
          target_id: batch.id,
          target_label: BOLNA_BATCH,
          details: { shares: "batch", provider: "bolna" },
          actor_email: "alice@t1.test",
          address: "198.51.100.4",
        },
      ]),
    );
    expect(brief[2]).toMatchObject({
      action: "share_link.revoke",
      target_id: board.id,
      target_label: "Ops wall",
    });
    const text = JSON.stringify(events);
    for (const token of [board.token, batch.token]) expect(text).not.toContain(token);
  });

  it("records one revoke when two arrive at once, and keeps the first time", async () => {
    const link = await createShareLink(ctxOf(alice), { target: { boardId }, origin }, now);
    const evenLater = new Date(later.getTime() + 60_000);
    await Promise.all([
      revokeShareLink(ctxOf(alice), { linkId: link.id }, later),
      revokeShareLink(ctxOf(alice), { linkId: link.id }, evenLater),
    ]);
    expect(
      (await storedEvents(db)).filter((event) => event.action === "share_link.revoke"),
    ).toHaveLength(1);
    const row = await db
      .selectFrom("share_links")
      .select("revoked_at")
      .where("id", "=", link.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBe(later.toISOString());
  });

  it("records nothing for a link that was not made or revoked", async () => {
    await expect(
      createShareLink(ctxOf(alice), { target: { boardId: crypto.randomUUID() }, origin }, now),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createShareLink(
        ctxOf(alice),
        { target: { boardId }, origin, frameOrigin: "javascript:alert(1)" },
        now,
      ),
    ).rejects.toMatchObject({ code: "invalid_frame_origin" });
    const link = await createShareLink(ctxOf(alice), { target: { boardId }, origin }, now);
    await expect(revokeShareLink(ctxOf(mallory), { linkId: link.id }, later)).rejects.toMatchObject(
      { code: "not_found" },
    );
    expect((await storedEvents(db)).map((event) => event.action)).toEqual(["share_link.create"]);
  });

  it("makes no link it cannot record", async () => {
    const link = await createShareLink(ctxOf(alice), { target: { boardId }, origin }, now);
    await sql`drop table audit_events`.execute(db);
    await expect(
      createShareLink(ctxOf(alice), { target: { boardId }, origin }, now),
    ).rejects.toThrow();
    await expect(revokeShareLink(ctxOf(alice), { linkId: link.id }, later)).rejects.toThrow();
    const rows = await db.selectFrom("share_links").select(["id", "revoked_at"]).execute();
    expect(rows).toEqual([{ id: link.id, revoked_at: null }]);
  });
});
