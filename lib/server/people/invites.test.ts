import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
// First: the env mock below is built from it.
import { mockedEnvModule, routeState } from "@/lib/server/testing/route-harness";
import type { Database } from "@/lib/server/db/schema";
import { getLogger } from "@/lib/server/logger";
import { verifyPassword } from "@/lib/server/security/passwords";
import type { ServiceContext } from "@/lib/server/service-context";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { acceptInvite, findInvite } from "./invites";
import { INVITE_LIFETIME_MS, inviteUser } from "./team-users";

vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let db: Kysely<Database>;
let close: () => Promise<void>;
const t0 = new Date("2026-11-25T08:00:00Z");
const justBefore = new Date(t0.getTime() + INVITE_LIFETIME_MS - 1);
const expiry = new Date(t0.getTime() + INVITE_LIFETIME_MS);

beforeEach(async () => {
  routeState.env = {};
  ({ db, close } = await openTempDatabase());
});
afterEach(async () => close());

const admin = (): ServiceContext => ({ db, actor: { id: "admin-a", teamId: "team-a", role: "admin", email: "admin@a.test" } });
const invite = () => inviteUser(admin(), { email: "new@example.com", name: "New Person", role: "member", origin: "https://sendboard.example" }, t0);

describe("invites", () => {
  it("log their use with the user's id, never the token", async () => {
    const { user, token } = await invite();
    const info = vi.spyOn(getLogger(), "info").mockImplementation(() => undefined);
    await acceptInvite({ db }, { token, password: "a-good-password" }, justBefore);
    expect(info).toHaveBeenCalledWith({ event: "invite_accepted", userId: user.id }, "invite used");
    expect(JSON.stringify(info.mock.calls)).not.toContain(token);
    info.mockRestore();
  });

  it("are found by token until the instant they expire", async () => {
    const { user, token } = await invite();
    expect(await findInvite({ db }, { token: token }, justBefore)).toEqual({ status: "valid", userId: user.id, email: "new@example.com", name: "New Person" });
    expect(await findInvite({ db }, { token: token }, expiry)).toEqual({ status: "expired" });
  });

  it("set the password once and are then spent", async () => {
    const { user, token } = await invite();
    await acceptInvite({ db }, { token: token, password: "a-good-password" }, justBefore);
    const row = await db.selectFrom("users").selectAll().where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(await verifyPassword("a-good-password", row.password_hash)).toBe(true);
    expect(row.invite_token_hash).toBeNull();
    expect(row.invite_expires_at).toBeNull();
    expect(await findInvite({ db }, { token: token }, justBefore)).toEqual({ status: "unknown" });
    await expect(acceptInvite({ db }, { token: token, password: "another-password" }, justBefore)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuse an expired token with invite_expired (410) and leave the password unset", async () => {
    const { user, token } = await invite();
    await expect(acceptInvite({ db }, { token: token, password: "a-good-password" }, expiry)).rejects.toMatchObject({ code: "invite_expired", status: 410 });
    const row = await db.selectFrom("users").selectAll().where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toBeNull();
  });

  it("know nothing of a wrong or malformed token", async () => {
    await invite();
    await expect(acceptInvite({ db }, { token: "A".repeat(43), password: "a-good-password" }, t0)).rejects.toMatchObject({ code: "not_found" });
    expect(await findInvite({ db }, { token: "../etc/passwd" }, t0)).toEqual({ status: "unknown" });
  });

  it("set no password when password sign-in is off, and stay open for an SSO sign-in to spend", async () => {
    routeState.env = { OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "sb", OIDC_CLIENT_SECRET: "secret", PASSWORD_SIGN_IN: "off" };
    const { user, token } = await invite();
    await expect(acceptInvite({ db }, { token, password: "a-good-password" }, justBefore)).rejects.toMatchObject({ code: "conflict" });
    const row = await db.selectFrom("users").selectAll().where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toBeNull();
    expect((await findInvite({ db }, { token }, justBefore)).status).toBe("valid");
  });
});
