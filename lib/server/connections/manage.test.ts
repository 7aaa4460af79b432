import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/server/security/key-encryption";
import type { ConnectionDeps } from "./deps";
import { createConnection, listConnections, removeConnection, updateConnection } from "./manage";
import { openConnectionDeps } from "./test-deps";

const KEY = "sk_test_sendboard_sim";
const OTHER_KEY = "sk_live_replaced_9876";
let deps: ConnectionDeps;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ deps, close } = await openConnectionDeps({ MIGMA_API_KEY: "env_migma_key_1234" }));
});
afterEach(async () => close());

const addMigma = (teamId = "team-a", apiKey = KEY) =>
  createConnection(deps, teamId, { provider: "migma", name: "Main Migma", apiKey, budgetPerMinute: 20 });

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
    const items = await listConnections(deps, "team-a");
    expect(items.map((item) => [item.id, item.readOnly])).toEqual([["env-migma", true], [expect.any(String), false]]);
    expect(items[0]?.keyLastFour).toBe("…1234");
    expect(JSON.stringify(items)).not.toMatch(/sk_test_sendboard_sim|env_migma_key_1234|encrypted/);
  });

  it("renames, replaces the key and changes the budget; a new key re-encrypts", async () => {
    const created = await addMigma();
    const before = await deps.db.selectFrom("connections").select("encrypted_key").executeTakeFirstOrThrow();
    const updated = await updateConnection(deps, "team-a", created.id, { name: "Renamed", apiKey: OTHER_KEY, budgetPerMinute: null });
    expect(updated).toMatchObject({ name: "Renamed", keyLastFour: "…9876", budgetPerMinute: null });
    const after = await deps.db.selectFrom("connections").select("encrypted_key").executeTakeFirstOrThrow();
    expect(after.encrypted_key).not.toBe(before.encrypted_key);
    expect(decryptSecret(after.encrypted_key, deps.masterKey, created.id)).toBe(OTHER_KEY);
  });

  it("keeps teams apart: another team's id is not found for every verb", async () => {
    const created = await addMigma("team-a");
    expect((await listConnections(deps, "team-b")).map((item) => item.id)).toEqual(["env-migma"]);
    await expect(updateConnection(deps, "team-b", created.id, { name: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(removeConnection(deps, "team-b", created.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listConnections(deps, "team-a")).toHaveLength(2);
  });

  it("refuses to change or remove an environment connection (409), and knows no unset one (404)", async () => {
    await expect(updateConnection(deps, "team-a", "env-migma", { name: "x" })).rejects.toMatchObject({ code: "conflict" });
    await expect(removeConnection(deps, "team-a", "env-migma")).rejects.toMatchObject({ code: "conflict" });
    await expect(removeConnection(deps, "team-a", "env-bolna")).rejects.toMatchObject({ code: "not_found" });
  });

  it("gives SendGrid the global region by default and refuses regions elsewhere", async () => {
    const sendgrid = await createConnection(deps, "team-a", { provider: "sendgrid", name: "SG", apiKey: "SG.abc.def" });
    expect(sendgrid.region).toBe("global");
    expect((await updateConnection(deps, "team-a", sendgrid.id, { region: "eu" })).region).toBe("eu");
    await expect(createConnection(deps, "team-a", { provider: "bolna", name: "B", apiKey: "k", region: "eu" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("removes a connection", async () => {
    const created = await addMigma();
    await removeConnection(deps, "team-a", created.id);
    expect(await deps.db.selectFrom("connections").selectAll().execute()).toEqual([]);
  });
});
