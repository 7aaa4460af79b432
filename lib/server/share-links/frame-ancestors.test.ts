import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBoard } from "@/lib/server/boards";
import type { Database } from "@/lib/server/db/schema";
import { getLogger } from "@/lib/server/logger";
import type { Actor } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { createShareLink, revokeShareLink } from ".";
import { frameAncestorsForShareToken } from "./frame-ancestors";

const alice: Actor = { id: "u1", teamId: "t1", role: "member", email: "alice@t1.test" };
const now = new Date("2026-03-01T12:00:00.000Z");
const HOUR = 3_600_000;
const embedder = "https://intranet.example.com";

let db: Kysely<Database>;
let close: () => Promise<void>;
let boardId: string;
let opened: number;

function openDb(): Promise<Kysely<Database>> {
  opened += 1;
  return Promise.resolve(db);
}

function lookUp(token: string, at = now) {
  return frameAncestorsForShareToken(token, at, openDb);
}

const ctxOf = (actor: Actor): ServiceContext => ({ db, actor });

function boardLink(options: { frameOrigin?: string; expiresInHours?: number } = {}) {
  return createShareLink(ctxOf(alice), { target: { boardId }, origin: "https://sendboard.example", ...options }, now);
}

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  opened = 0;
  const board = await createBoard(ctxOf(alice), {
    name: "Launch",
    batches: [{ provider: "migma", batchId: "sim-running" }],
  });
  boardId = board.id;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await close();
});

describe("which origin may frame a share link's page", () => {
  it("answers the link's origin, normalised, and remembers it", async () => {
    const link = await boardLink({ frameOrigin: "HTTPS://Intranet.Example.com/" });
    expect(await lookUp(link.token)).toBe(embedder);
    expect(await lookUp(link.token)).toBe(embedder);
    expect(opened).toBe(1);
  });

  it("answers null for links without one, unknown tokens and garbage", async () => {
    const link = await boardLink();
    expect(await lookUp(link.token)).toBeNull();
    expect(await lookUp("A".repeat(43))).toBeNull();
    expect(opened).toBe(2);
    for (const token of ["short", `${link.token}x`, "", "../../etc"]) {
      expect(await lookUp(token)).toBeNull();
    }
    expect(opened).toBe(2);
  });

  it("forgets the origin as soon as the link is revoked in this process", async () => {
    const link = await boardLink({ frameOrigin: embedder });
    expect(await lookUp(link.token)).toBe(embedder);
    await revokeShareLink(ctxOf(alice), { linkId: link.id }, now);
    expect(await lookUp(link.token)).toBeNull();
  });

  it("answers null once the link has expired", async () => {
    const link = await boardLink({ frameOrigin: embedder, expiresInHours: 1 });
    expect(await lookUp(link.token, new Date(now.getTime() + HOUR))).toBeNull();
  });

  it("fails closed on a database error, remembers nothing, and never logs the token", async () => {
    const link = await boardLink({ frameOrigin: embedder });
    const warn = vi.spyOn(getLogger(), "warn").mockImplementation(() => undefined);
    const broken = () =>
      Promise.reject(Object.assign(new Error(`boom ${link.token}`), { code: "57P01" }));
    expect(await frameAncestorsForShareToken(link.token, now, broken)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(link.token);
    expect(await lookUp(link.token)).toBe(embedder);
  });

  it("never passes on a stored value that is not a bare origin", async () => {
    const link = await boardLink();
    await db
      .updateTable("share_links")
      .set({ frame_origin: "https://a.example; script-src *" })
      .where("id", "=", link.id)
      .execute();
    expect(await lookUp(link.token)).toBeNull();
  });
});
