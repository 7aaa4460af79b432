import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBoard, deleteBoard } from "@/lib/server/boards";
import type { Database } from "@/lib/server/db/schema";
import type { Actor } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { hashToken } from "@/lib/server/security/tokens";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { authorizeShareBatch, createShareLink, listBoardShareLinks, revokeShareLink } from ".";
import { resolveShareToken } from "./resolve";
import { getSharedView, recordShareView, touchShareLink } from "./shared-view";

const alice: Actor = { id: "u1", teamId: "t1", role: "member", email: "alice@t1.test" };
const mallory: Actor = { id: "u9", teamId: "t2", role: "admin", email: "mallory@t2.test" };
const origin = "https://sendboard.example";
const now = new Date("2026-03-01T12:00:00.000Z");
const HOUR = 3_600_000;

let db: Kysely<Database>;
let close: () => Promise<void>;
let boardId: string;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  await db
    .insertInto("users")
    .values({ id: alice.id, team_id: alice.teamId, email: alice.email, name: "Alice", role: alice.role, password_hash: "x", invite_token_hash: null, invite_expires_at: null, created_at: now.toISOString() })
    .execute();
  const board = await createBoard(ctxOf(alice), {
    name: "Launch",
    batches: [
      { provider: "migma", batchId: "sim-running", label: "Email" },
      { provider: "mindo", batchId: "00000000-0000-4000-8000-000000000002" },
    ],
  });
  boardId = board.id;
});
afterEach(async () => close());

const ctxOf = (actor: Actor): ServiceContext => ({ db, actor });

function boardLink(options: { expiresInHours?: number; frameOrigin?: string | null } = {}) {
  return createShareLink(ctxOf(alice), { target: { boardId }, origin, ...options }, now);
}

describe("creating and listing share links", () => {
  it("gives the URL once and stores only the token's hash", async () => {
    const link = await boardLink();
    expect(link.url).toBe(`${origin}/s/${link.token}`);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db
      .selectFrom("share_links")
      .selectAll()
      .where("id", "=", link.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
  });

  it("expires after 7 days by default, or after 1 hour to 90 days when asked", async () => {
    expect((await boardLink()).expiresAt).toBe(
      new Date(now.getTime() + 7 * 24 * HOUR).toISOString(),
    );
    expect((await boardLink({ expiresInHours: 1 })).expiresAt).toBe(
      new Date(now.getTime() + HOUR).toISOString(),
    );
    expect((await boardLink({ expiresInHours: 90 * 24 })).expiresAt).toBe(
      new Date(now.getTime() + 90 * 24 * HOUR).toISOString(),
    );
    for (const hours of [0, 0.5, 90 * 24 + 1, -1]) {
      await expect(boardLink({ expiresInHours: hours })).rejects.toMatchObject({
        code: "bad_request",
      });
    }
  });

  it("lists a board's links without any token, with use counts", async () => {
    const link = await boardLink();
    await recordShareView(db, link.id, new Date(now.getTime() + 1000));
    await recordShareView(db, link.id, new Date(now.getTime() + 2000));
    const [listed] = await listBoardShareLinks(ctxOf(alice), { boardId });
    expect(listed).toEqual({
      id: link.id,
      name: null,
      target: { kind: "board", boardId, boardName: "Launch" },
      createdBy: { id: alice.id, name: "Alice" },
      canRevoke: true,
      createdAt: now.toISOString(),
      expiresAt: link.expiresAt,
      revokedAt: null,
      lastUsedAt: new Date(now.getTime() + 2000).toISOString(),
      viewCount: 2,
      frameOrigin: null,
    });
    expect(JSON.stringify(listed)).not.toContain(link.token);
  });

  it("stores the origin allowed to frame the link, normalised, and lists it", async () => {
    await boardLink({ frameOrigin: "https://Intranet.example.com:443/" });
    await boardLink({ frameOrigin: null });
    const listed = await listBoardShareLinks(ctxOf(alice), { boardId });
    expect(listed.map((link) => link.frameOrigin).sort()).toEqual([
      "https://intranet.example.com",
      null,
    ]);
  });

  it("refuses anything but a bare origin with invalid_frame_origin", async () => {
    for (const frameOrigin of ["*", "'self'", "http://example.com", "https://a.example/x", ""]) {
      await expect(boardLink({ frameOrigin })).rejects.toMatchObject({
        code: "invalid_frame_origin",
        status: 400,
      });
    }
    expect(await listBoardShareLinks(ctxOf(alice), { boardId })).toEqual([]);
  });

  it("touches last-used at most once a minute and never counts a view", async () => {
    const link = await boardLink();
    await touchShareLink(db, link.id, now);
    await touchShareLink(db, link.id, new Date(now.getTime() + 30_000));
    let [listed] = await listBoardShareLinks(ctxOf(alice), { boardId });
    expect(listed).toMatchObject({ lastUsedAt: now.toISOString(), viewCount: 0 });
    await touchShareLink(db, link.id, new Date(now.getTime() + 61_000));
    [listed] = await listBoardShareLinks(ctxOf(alice), { boardId });
    expect(listed?.lastUsedAt).toBe(new Date(now.getTime() + 61_000).toISOString());
  });

  it("keeps teams apart", async () => {
    const link = await boardLink();
    await expect(createShareLink(ctxOf(mallory), { target: { boardId }, origin }, now)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(listBoardShareLinks(ctxOf(mallory), { boardId })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(revokeShareLink(ctxOf(mallory), { linkId: link.id }, now)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(resolveShareToken(db, link.token, now)).resolves.toMatchObject({
      kind: "board",
      boardId,
      teamId: "t1",
    });
  });
});

describe("resolving a token", () => {
  it("answers the board's scope and its view", async () => {
    const link = await boardLink();
    const view = await getSharedView(db, link.token, now);
    expect(view).toMatchObject({
      kind: "board",
      name: "Launch",
      expiresAt: link.expiresAt,
      linkId: link.id,
    });
    expect(view.batches.map((b) => [b.provider, b.batchId, b.label, b.connectionId])).toEqual([
      ["migma", "sim-running", "Email", "env-migma"],
      ["mindo", "00000000-0000-4000-8000-000000000002", null, "env-mindo"],
    ]);
  });

  it("says revoked once revoked, even after expiry", async () => {
    const link = await boardLink({ expiresInHours: 1 });
    await revokeShareLink(ctxOf(alice), { linkId: link.id }, now);
    await revokeShareLink(ctxOf(alice), { linkId: link.id }, new Date(now.getTime() + 5000));
    await expect(resolveShareToken(db, link.token, now)).rejects.toMatchObject({
      code: "share_link_revoked",
      status: 410,
    });
    await expect(
      resolveShareToken(db, link.token, new Date(now.getTime() + 2 * HOUR)),
    ).rejects.toMatchObject({ code: "share_link_revoked" });
    const [listed] = await listBoardShareLinks(ctxOf(alice), { boardId });
    expect(listed?.revokedAt).toBe(now.toISOString());
  });

  it("says expired from the expiry instant on", async () => {
    const link = await boardLink({ expiresInHours: 1 });
    await expect(
      resolveShareToken(db, link.token, new Date(now.getTime() + HOUR - 1)),
    ).resolves.toMatchObject({ kind: "board" });
    await expect(
      resolveShareToken(db, link.token, new Date(now.getTime() + HOUR)),
    ).rejects.toMatchObject({ code: "share_link_expired", status: 410 });
  });

  it("says not found for unknown, malformed and deleted-board tokens", async () => {
    const link = await boardLink();
    const unknown = "A".repeat(43);
    for (const token of [unknown, "short", `${link.token}x`, ""]) {
      await expect(resolveShareToken(db, token, now)).rejects.toMatchObject({ code: "not_found" });
    }
    await deleteBoard(ctxOf(alice), { boardId });
    await expect(resolveShareToken(db, link.token, now)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("authorizing a batch request made with a token", () => {
  it("allows exactly the board's batches and answers their connection", async () => {
    const { token } = await boardLink();
    await expect(
      authorizeShareBatch({ db }, { token: token, provider: "migma", batchId: "sim-running" }, now),
    ).resolves.toEqual({ teamId: "t1", connectionId: "env-migma" });
    await expect(
      authorizeShareBatch({ db }, { token: token, provider: "migma", batchId: "sim-running", connectionId: "env-migma" }, now),
    ).resolves.toMatchObject({ connectionId: "env-migma" });
    const outside = [
      { provider: "migma", batchId: "sim-completed" },
      { provider: "sendgrid", batchId: "sim-running" },
      { provider: "migma", batchId: "sim-running", connectionId: "some-other-connection" },
    ] as const;
    for (const target of outside) {
      await expect(authorizeShareBatch({ db }, { token: token, ...target }, now)).rejects.toMatchObject({
        code: "forbidden",
        status: 403,
      });
    }
  });

  it("scopes a single-batch link to that batch", async () => {
    const link = await createShareLink(ctxOf(alice), { target: { batch: { provider: "bolna", batchId: "00000000000000000000000000000002" } }, origin }, now);
    await expect(
      authorizeShareBatch({ db }, { token: link.token, provider: "bolna", batchId: "00000000000000000000000000000002" }, now),
    ).resolves.toEqual({ teamId: "t1", connectionId: "env-bolna" });
    await expect(
      authorizeShareBatch({ db }, { token: link.token, provider: "migma", batchId: "sim-running" }, now),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await getSharedView(db, link.token, now)).toMatchObject({
      kind: "batch",
      batches: [{ provider: "bolna", connectionId: "env-bolna" }],
    });
    await expect(
      createShareLink(ctxOf(alice), { target: { batch: { provider: "bolna", batchId: "nope" } }, origin }, now),
    ).rejects.toMatchObject({ code: "invalid_batch_id" });
  });

  it("names a single-batch link's screen by the team's label of the batch", async () => {
    const link = await createShareLink(ctxOf(alice), { target: { batch: { provider: "migma", batchId: "sim-running" } }, origin }, now);
    expect(await getSharedView(db, link.token, now)).toMatchObject({
      kind: "batch",
      name: "Email",
      batches: [{ provider: "migma", batchId: "sim-running", label: "Email" }],
    });
  });

  it("stops at once when the link is revoked", async () => {
    const link = await boardLink();
    await revokeShareLink(ctxOf(alice), { linkId: link.id }, now);
    await expect(
      authorizeShareBatch({ db }, { token: link.token, provider: "migma", batchId: "sim-running" }, now),
    ).rejects.toMatchObject({ code: "share_link_revoked" });
  });
});
