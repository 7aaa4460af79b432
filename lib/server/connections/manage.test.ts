import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decryptSecret } from "@/lib/server/security/key-encryption";
import type { ServiceContext } from "@/lib/server/service-context";
import { mockedEnvModule } from "@/lib/server/testing/route-harness";
import type { ConnectionDeps } from "./deps";
import { createConnection, listConnections, removeConnection, updateConnection } from "./manage";
import { testConnectionById } from "./test-connection";
import { openConnectionDeps } from "./test-deps";

vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const KEY = "sk_test_sendboard_sim";
const OTHER_KEY = "sk_live_replaced_9876";
let deps: ConnectionDeps;
let as: (teamId: string) => ServiceContext;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ deps, as, close } = await openConnectionDeps({ MIGMA_API_KEY: "env_migma_key_1234" }));
});
afterEach(async () => close());

const addMigma = (teamId = "team-a", apiKey = KEY) =>
  createConnection(as(teamId), { provider: "migma", name: "Main Migma", apiKey, budgetPerMinute: 20 });

describe("connections at rest", () => {
  it("stores the key encrypted, bound to its row, and shows only the last four", async () => {
    const created = await addMigma();
    expect(created).toMatchObject({ provider: "migma", name: "Main Migma", keyLastFour: "…_sim", budgetPerMinute: 20, readOnly: false, region: null });
    expect(JSON.stringify(created)).not.toContain(KEY);
    const row = await deps.db.selectFrom("connections").selectAll().where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row.encrypted_key).not.toContain(KEY);
    expect(row.encrypted_key).not.toContain(Buffer.from(KEY).toString("base64url"));
    expect(decryptSecret(row.encrypted_key, deps.masterKey, created.id)).toBe(KEY);
    expect(() => decryptSecret(row.encrypted_key, deps.masterKey, "another-row")).toThrow();
  });

  it("lists the environment's read-only connections and the team's own, never a key", async () => {
    await addMigma();
    const items = await listConnections(as("team-a"));
    expect(items.map((item) => [item.id, item.readOnly])).toEqual([["env-migma", true], [expect.any(String), false]]);
    expect(items[0]?.keyLastFour).toBe("…1234");
    expect(JSON.stringify(items)).not.toMatch(/sk_test_sendboard_sim|env_migma_key_1234|encrypted/);
  });

  it("renames, replaces the key and changes the budget; a new key re-encrypts", async () => {
    const created = await addMigma();
    const before = await deps.db.selectFrom("connections").select("encrypted_key").executeTakeFirstOrThrow();
    const updated = await updateConnection(as("team-a"), { id: created.id, changes: { name: "Renamed", apiKey: OTHER_KEY, budgetPerMinute: null } });
    expect(updated).toMatchObject({ name: "Renamed", keyLastFour: "…9876", budgetPerMinute: null });
    const after = await deps.db.selectFrom("connections").select("encrypted_key").executeTakeFirstOrThrow();
    expect(after.encrypted_key).not.toBe(before.encrypted_key);
    expect(decryptSecret(after.encrypted_key, deps.masterKey, created.id)).toBe(OTHER_KEY);
  });

  it("keeps teams apart: another team's id is not found for every verb", async () => {
    const created = await addMigma("team-a");
    expect(await listConnections(as("team-b"))).toEqual([]);
    await expect(updateConnection(as("team-b"), { id: created.id, changes: { name: "x" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(removeConnection(as("team-b"), { id: created.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await listConnections(as("team-a"))).toHaveLength(2);
  });

  it("refuses to change or remove an environment connection (409), and knows no unset one (404)", async () => {
    await expect(updateConnection(as("team-a"), { id: "env-migma", changes: { name: "x" } })).rejects.toMatchObject({ code: "conflict" });
    await expect(removeConnection(as("team-a"), { id: "env-migma" })).rejects.toMatchObject({ code: "conflict" });
    await expect(removeConnection(as("team-a"), { id: "env-bolna" })).rejects.toMatchObject({ code: "not_found" });
    // Another team has no environment connection to change.
    await expect(removeConnection(as("team-b"), { id: "env-migma" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("gives SendGrid the global region by default and refuses regions elsewhere", async () => {
    const sendgrid = await createConnection(as("team-a"), { provider: "sendgrid", name: "SG", apiKey: "SG.abc.def" });
    expect(sendgrid.region).toBe("global");
    expect((await updateConnection(as("team-a"), { id: sendgrid.id, changes: { region: "eu" } })).region).toBe("eu");
    await expect(createConnection(as("team-a"), { provider: "bolna", name: "B", apiKey: "k", region: "eu" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("are for admins: every verb refuses a member with forbidden before it reads anything", async () => {
    const created = await addMigma();
    const member = { ...as("team-a"), actor: { ...as("team-a").actor, role: "member" as const } };
    const attempts = [
      () => listConnections(member),
      () => createConnection(member, { provider: "migma", name: "M", apiKey: KEY }),
      () => updateConnection(member, { id: created.id, changes: { name: "x" } }),
      () => removeConnection(member, { id: created.id }),
      () => testConnectionById(member, { id: created.id }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "forbidden" });
    expect(await listConnections(as("team-a"))).toHaveLength(2);
  });

  it("removes a connection", async () => {
    const created = await addMigma();
    await removeConnection(as("team-a"), { id: created.id });
    expect(await deps.db.selectFrom("connections").selectAll().execute()).toEqual([]);
  });
});
