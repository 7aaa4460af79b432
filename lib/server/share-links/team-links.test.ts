import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
// First: the mocks below are built from it, and the modules after it load the mocked ones.
import { addTeamUser, mockedEnvModule, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { createBoard } from "@/lib/server/boards";
import type { Database } from "@/lib/server/db/schema";
import { getLogger } from "@/lib/server/logger";
import { removeUser } from "@/lib/server/people";
import type { SessionUser } from "@/lib/server/people/sessions";
import type { ServiceContext } from "@/lib/server/service-context";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { createShareLinkSchema } from "@/lib/share-link";
import { createShareLink, listBoardShareLinks, listTeamShareLinks, openShareLink, revokeShareLink } from ".";
import { resolveShareToken } from "./resolve";

vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const origin = "https://sendboard.example";
const now = new Date("2026-03-01T12:00:00.000Z");
const HOUR = 3_600_000;

let db: Kysely<Database>;
let close: () => Promise<void>;
let admin: SessionUser;
let ann: SessionUser;
let bob: SessionUser;
let boardId: string;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  admin = await serveEnvConnectionsTo(db, "t1");
  ann = await addTeamUser(db, "t1", "ann@t1.test", "member");
  bob = await addTeamUser(db, "t1", "bob@t1.test", "member");
  boardId = (await createBoard(as(ann), { name: "Launch", batches: [{ provider: "migma", batchId: "sim-running" }] })).id;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await close();
});

const as = (user: SessionUser): ServiceContext => ({ db, actor: user });
const boardLink = (by: SessionUser, options: { name?: string; expiresInHours?: number; frameOrigin?: string } = {}) =>
  createShareLink(as(by), { target: { boardId }, origin, ...options }, now);
const batchLink = (by: SessionUser, options: { name?: string } = {}) =>
  createShareLink(as(by), { target: { batch: { provider: "bolna", batchId: "00000000000000000000000000000002" } }, origin, ...options }, now);

describe("the team's share links", () => {
  it("lists every live link, board or batch, with its name, maker, expiry, last use and frame origin", async () => {
    const lobby = await boardLink(ann, { name: "Lobby TV", frameOrigin: "https://intranet.example.com" });
    const calls = await batchLink(bob, { name: "Renewal calls for the client" });
    const revoked = await boardLink(ann);
    await revokeShareLink(as(ann), { linkId: revoked.id }, now);
    await boardLink(ann, { expiresInHours: 1 });
    const later = new Date(now.getTime() + HOUR);
    await openShareLink({ db }, { token: lobby.token }, later);

    const listed = await listTeamShareLinks(as(bob), later);
    expect(listed.map((link) => link.id).sort()).toEqual([lobby.id, calls.id].sort());
    expect(listed.find((link) => link.id === lobby.id)).toMatchObject({
      name: "Lobby TV",
      target: { kind: "board", boardId, boardName: "Launch" },
      createdBy: { id: ann.id, name: ann.name },
      expiresAt: lobby.expiresAt,
      lastUsedAt: later.toISOString(),
      frameOrigin: "https://intranet.example.com",
      canRevoke: false,
    });
    expect(listed.find((link) => link.id === calls.id)).toMatchObject({
      name: "Renewal calls for the client",
      target: { kind: "batch", provider: "bolna", batchId: "00000000000000000000000000000002", connectionId: "env-bolna" },
      canRevoke: true,
    });
    expect(JSON.stringify(listed)).not.toContain(lobby.token);
    // The board's own list keeps revoked and expired links too, named as they were made.
    const onBoard = await listBoardShareLinks(as(bob), { boardId });
    expect(onBoard.map((link) => link.name).sort()).toEqual(["Lobby TV", null, null]);
  });

  it("keeps another team's links out of the list", async () => {
    await boardLink(ann);
    const stranger = await addTeamUser(db, "t2", "eve@t2.test", "admin");
    expect(await listTeamShareLinks(as(stranger), now)).toEqual([]);
  });

  it("lets members revoke the links they made and admins any link", async () => {
    const anns = await boardLink(ann);
    await expect(revokeShareLink(as(bob), { linkId: anns.id }, now)).rejects.toMatchObject({ code: "forbidden", status: 403 });
    await expect(resolveShareToken(db, anns.token, now)).resolves.toMatchObject({ kind: "board" });
    await revokeShareLink(as(ann), { linkId: anns.id }, now);
    const another = await boardLink(ann);
    await revokeShareLink(as(admin), { linkId: another.id }, now);
    for (const link of [anns, another]) await expect(resolveShareToken(db, link.token, now)).rejects.toMatchObject({ code: "share_link_revoked" });
  });

  it("revokes the links of someone who is removed, and only theirs", async () => {
    const anns = [await boardLink(ann), await batchLink(ann)];
    const bobs = await boardLink(bob);
    await removeUser(as(admin), { userId: ann.id }, now);
    for (const link of anns) await expect(resolveShareToken(db, link.token, now)).rejects.toMatchObject({ code: "share_link_revoked" });
    await expect(resolveShareToken(db, bobs.token, now)).resolves.toMatchObject({ kind: "board" });
    expect((await listTeamShareLinks(as(admin), now)).map((link) => link.id)).toEqual([bobs.id]);
  });

  it("logs each opening with the link's id, never its token", async () => {
    const link = await boardLink(ann);
    const info = vi.spyOn(getLogger(), "info").mockImplementation(() => undefined);
    await openShareLink({ db }, { token: link.token }, now);
    expect(info).toHaveBeenCalledWith({ event: "share_link_opened", linkId: link.id }, "share link used");
    expect(JSON.stringify(info.mock.calls)).not.toContain(link.token);
  });

  it("takes a name in plain text only", () => {
    expect(createShareLinkSchema.safeParse({ name: "  Lobby TV  " })).toMatchObject({ success: true, data: { name: "Lobby TV" } });
    expect(createShareLinkSchema.safeParse({ name: "Lobby\u202ETV" }).success).toBe(false);
    expect(createShareLinkSchema.safeParse({ name: "x".repeat(81) }).success).toBe(false);
  });
});
