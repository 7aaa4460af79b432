import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { storedEvents } from "@/lib/server/audit/test-support";
import { addBoardBatch, createBoard } from "@/lib/server/boards";
import type { Database } from "@/lib/server/db/schema";
import type { Actor } from "@/lib/server/security/permissions";
import { hashToken } from "@/lib/server/security/tokens";
import type { ServiceContext } from "@/lib/server/service-context";
import { addTeamUser } from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken, TOKEN_RATE_LIMIT } from ".";

const now = new Date("2026-03-01T12:00:00.000Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const BOLNA_BATCH = "00000000000000000000000000000002";

let db: Kysely<Database>;
let close: () => Promise<void>;
let admin: Actor;
let member: Actor;
let stranger: Actor;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  admin = await addTeamUser(db, "t1", "boss@t1.test", "admin");
  member = await addTeamUser(db, "t1", "member@t1.test", "member");
  stranger = await addTeamUser(db, "t2", "boss@t2.test", "admin");
});
afterEach(async () => close());

const ctxOf = (actor: Actor): ServiceContext => ({ db, actor, address: "198.51.100.4" });
const use = (token: string, when = now) => authenticateApiToken({ db, address: "203.0.113.9" }, { token }, when);

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; retryAfterSeconds: number | null }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  const { code, message, retryAfterSeconds } = error as AppError;
  return { code, message, retryAfterSeconds };
}

describe("creating and listing API tokens", () => {
  it("shows an sb_ base62 token once and stores only its hash and last four", async () => {
    const created = await createApiToken(ctxOf(admin), { name: "CI deploy", role: "operator", expiresInDays: 30 }, now);
    expect(created.token).toMatch(/^sb_[0-9A-Za-z]{43}$/);
    const rows = await db.selectFrom("api_tokens").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect(rows[0]).toMatchObject({ hash: hashToken(created.token), last4: created.token.slice(-4), created_by: admin.id });
    const list = await listApiTokens(ctxOf(admin));
    expect(list).toEqual([
      {
        id: created.id,
        name: "CI deploy",
        role: "operator",
        last4: created.token.slice(-4),
        createdBy: { id: admin.id, name: "boss@t1.test" },
        createdAt: now.toISOString(),
        expiresAt: at(30 * 86_400_000).toISOString(),
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect(created.item).toEqual(list[0]);
  });

  it("makes a different token every time", async () => {
    const a = await createApiToken(ctxOf(admin), { name: "a", role: "member" }, now);
    const b = await createApiToken(ctxOf(admin), { name: "b", role: "member" }, now);
    expect(a.token).not.toBe(b.token);
  });

  it("is for admins: a member is refused and the attempt recorded; a token cannot make tokens", async () => {
    expect(await refusal(createApiToken(ctxOf(member), { name: "mine", role: "operator" }, now))).toMatchObject({ code: "forbidden" });
    const { token } = await createApiToken(ctxOf(admin), { name: "CI", role: "operator" }, at(1));
    const tokenActor = await use(token, at(2));
    expect(await refusal(createApiToken(ctxOf(tokenActor), { name: "child", role: "operator" }, at(3)))).toMatchObject({ code: "forbidden" });
    expect(await refusal(listApiTokens(ctxOf(tokenActor)))).toMatchObject({ code: "forbidden" });
    const events = await storedEvents(db);
    expect(events.map((e) => [e.action, e.outcome, e.actor_kind])).toEqual([
      ["token.create", "refused", "user"],
      ["token.create", "ok", "user"],
      ["token.create", "refused", "token"],
    ]);
  });

  it("refuses an expiry in the past or too far away", async () => {
    expect(await refusal(createApiToken(ctxOf(admin), { name: "old", role: "member", expiresAt: "2026-02-01T00:00:00Z" }, now))).toMatchObject({ code: "bad_request" });
    expect(await refusal(createApiToken(ctxOf(admin), { name: "far", role: "member", expiresAt: "2099-01-01T00:00:00Z" }, now))).toMatchObject({ code: "bad_request" });
    expect(await db.selectFrom("api_tokens").select("id").execute()).toEqual([]);
  });
});

describe("using an API token", () => {
  it("acts for its team under its role and stamps the last use", async () => {
    const { id, token } = await createApiToken(ctxOf(admin), { name: "Reader", role: "member" }, now);
    expect(await use(token, at(5_000))).toEqual({ id, teamId: "t1", role: "member", email: "Reader (API token)", kind: "token" });
    expect((await listApiTokens(ctxOf(admin)))[0]?.lastUsedAt).toBe(at(5_000).toISOString());
  });

  it("refuses a token that is malformed or unknown, recording nothing", async () => {
    for (const token of ["", "sb_short", "Bearer x", `sb_${"A".repeat(43)}`]) {
      expect(await refusal(use(token))).toMatchObject({ code: "unauthorized" });
    }
    expect(await storedEvents(db)).toEqual([]);
  });

  it("stops at its expiry, and the refused use is recorded", async () => {
    const { id, token } = await createApiToken(ctxOf(admin), { name: "Week", role: "member", expiresInDays: 7 }, now);
    await expect(use(token, at(7 * 86_400_000 - 1))).resolves.toMatchObject({ id });
    expect(await refusal(use(token, at(7 * 86_400_000)))).toMatchObject({ code: "unauthorized", message: "This API token has expired." });
    const refused = (await storedEvents(db)).filter((e) => e.action === "token.use");
    expect(refused).toMatchObject([{ outcome: "refused", actor_kind: "token", actor_id: id, target_id: id, target_label: "Week", details: { reason: "expired" }, address: "203.0.113.9" }]);
  });

  it("is refused from the first request after revocation; the revoke and the refused use are recorded", async () => {
    const { id, token } = await createApiToken(ctxOf(admin), { name: "CI", role: "operator" }, now);
    await use(token, at(1_000));
    await revokeApiToken(ctxOf(admin), { tokenId: id }, at(2_000));
    await revokeApiToken(ctxOf(admin), { tokenId: id }, at(3_000));
    expect(await refusal(use(token, at(2_001)))).toMatchObject({ code: "unauthorized", message: "This API token was revoked." });
    // A script retrying writes one refusal a minute, not one per request.
    await refusal(use(token, at(30_000)));
    await refusal(use(token, at(70_000)));
    const events = (await storedEvents(db)).map((e) => [e.action, e.outcome, e.target_label, e.details.reason ?? null]);
    expect(events).toEqual([
      ["token.create", "ok", "CI", null],
      ["token.revoke", "ok", "CI", null],
      ["token.use", "refused", "CI", "revoked"],
      ["token.use", "refused", "CI", "revoked"],
    ]);
    expect((await listApiTokens(ctxOf(admin)))[0]?.revokedAt).toBe(at(2_000).toISOString());
    expect(JSON.stringify(await storedEvents(db))).not.toContain(token);
  });

  it("cannot be revoked by another team, which sees not_found", async () => {
    const { id, token } = await createApiToken(ctxOf(admin), { name: "CI", role: "operator" }, now);
    expect(await refusal(revokeApiToken(ctxOf(stranger), { tokenId: id }, now))).toMatchObject({ code: "not_found" });
    await expect(use(token)).resolves.toMatchObject({ id });
  });

  it("is rate limited per token in a one-minute window, with the seconds to wait", async () => {
    const busy = await createApiToken(ctxOf(admin), { name: "busy", role: "member" }, now);
    const calm = await createApiToken(ctxOf(admin), { name: "calm", role: "member" }, now);
    for (let i = 0; i < TOKEN_RATE_LIMIT.uses; i++) await use(busy.token, at(i));
    expect(await refusal(use(busy.token, at(20_000)))).toMatchObject({ code: "token_rate_limited", retryAfterSeconds: 40 });
    await expect(use(calm.token, at(20_000))).resolves.toMatchObject({ id: calm.id });
    await expect(use(busy.token, at(TOKEN_RATE_LIMIT.windowMs))).resolves.toMatchObject({ id: busy.id });
  });
});

describe("what a token's role lets it do", () => {
  it("an operator token adds a batch to a board; a member token is refused; neither renames nor manages people", async () => {
    const board = await createBoard(ctxOf(admin), { name: "Ops", batches: [] }, now);
    const operator = await use((await createApiToken(ctxOf(admin), { name: "op", role: "operator" }, now)).token);
    const reader = await use((await createApiToken(ctxOf(admin), { name: "read", role: "member" }, now)).token);
    expect(await refusal(addBoardBatch(ctxOf(reader), { boardId: board.id, batch: { provider: "bolna", batchId: BOLNA_BATCH } }, now))).toMatchObject({ code: "forbidden" });
    const added = await addBoardBatch(ctxOf(operator), { boardId: board.id, batch: { provider: "bolna", batchId: BOLNA_BATCH } }, now);
    expect(added).toMatchObject({ provider: "bolna", batchId: BOLNA_BATCH });
    expect(await refusal(revokeApiToken(ctxOf(operator), { tokenId: operator.id }, now))).toMatchObject({ code: "forbidden" });
  });
});
