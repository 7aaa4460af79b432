import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as keyEncryption from "@/lib/server/security/key-encryption";
import type { ServiceContext } from "@/lib/server/service-context";
import { mockedEnvModule } from "@/lib/server/testing/route-harness";
import type { ConnectionDeps } from "./deps";
import { createConnection } from "./manage";
import { resolveConnectionWith } from "./resolve";
import { openConnectionDeps } from "./test-deps";

vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let deps: ConnectionDeps;
let as: (teamId: string) => ServiceContext;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ deps, as, close } = await openConnectionDeps({ MIGMA_API_KEY: "env_migma_key", SENDGRID_API_URL: "https://api.sendgrid.com" }));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await close();
});

describe("resolveConnection", () => {
  it("without an id: the team's first connection of the provider, else the environment's", async () => {
    const env = await resolveConnectionWith(deps, "team-a", "migma");
    expect(env).toMatchObject({ id: "env-migma", provider: "migma", budgetPerMinute: null });
    expect(env.readApiKey()).toBe("env_migma_key");

    const first = await createConnection(as("team-a"), { provider: "migma", name: "First", apiKey: "first_key_1111", budgetPerMinute: 30 });
    await createConnection(as("team-a"), { provider: "migma", name: "Second", apiKey: "second_key_2222" });
    const own = await resolveConnectionWith(deps, "team-a", "migma");
    expect(own).toMatchObject({ id: first.id, name: "First", budgetPerMinute: 30 });
    expect(own.readApiKey()).toBe("first_key_1111");
  });

  it("serves the environment's keys to the first team (the ADMIN_EMAIL admin's) only: another sees them as not configured", async () => {
    expect((await resolveConnectionWith(deps, "team-a", "migma")).id).toBe("env-migma");
    await expect(resolveConnectionWith(deps, "team-b", "migma")).rejects.toMatchObject({ code: "not_configured" });
    await expect(resolveConnectionWith(deps, "team-b", "migma", "env-migma")).rejects.toMatchObject({ code: "not_configured" });
    const own = await createConnection(as("team-b"), { provider: "migma", name: "B's own", apiKey: "team_b_key_1" });
    expect((await resolveConnectionWith(deps, "team-b", "migma")).id).toBe(own.id);
  });

  it("is not_configured when neither the team nor the environment has the provider", async () => {
    await expect(resolveConnectionWith(deps, "team-a", "bolna")).rejects.toMatchObject({ code: "not_configured" });
  });

  it("by id: another team's or another provider's connection is not_found", async () => {
    const mine = await createConnection(as("team-a"), { provider: "sendgrid", name: "SG EU", apiKey: "SG.key.eu", region: "eu" });
    const resolved = await resolveConnectionWith(deps, "team-a", "sendgrid", mine.id);
    expect(resolved.baseUrl).toBe("https://api.eu.sendgrid.com");
    await expect(resolveConnectionWith(deps, "team-b", "sendgrid", mine.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(resolveConnectionWith(deps, "team-a", "migma", mine.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(resolveConnectionWith(deps, "team-a", "sendgrid", "env-migma")).rejects.toMatchObject({ code: "not_found" });
    await expect(resolveConnectionWith(deps, "team-a", "bolna", "env-bolna")).rejects.toMatchObject({ code: "not_found" });
    await expect(resolveConnectionWith(deps, "team-a", "migma", "made-up")).rejects.toMatchObject({ code: "not_found" });
    expect((await resolveConnectionWith(deps, "team-a", "migma", "env-migma")).id).toBe("env-migma");
  });

  it("decrypts only when the key is read, every time it is read", async () => {
    const decrypt = vi.spyOn(keyEncryption, "decryptSecret");
    const created = await createConnection(as("team-a"), { provider: "migma", name: "M", apiKey: "lazy_key_0000" });
    const resolved = await resolveConnectionWith(deps, "team-a", "migma", created.id);
    expect(decrypt).not.toHaveBeenCalled();
    expect(resolved.readApiKey()).toBe("lazy_key_0000");
    expect(decrypt).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(resolved)).not.toContain("lazy_key_0000");
  });

  it("turns an undecryptable key (master key changed) into a clear AppError", async () => {
    const created = await createConnection(as("team-a"), { provider: "migma", name: "M", apiKey: "some_key_0000" });
    const rotated = { ...deps, masterKey: Buffer.alloc(32, 7) };
    const resolved = await resolveConnectionWith(rotated, "team-a", "migma", created.id);
    expect(() => resolved.readApiKey()).toThrow(expect.objectContaining({ code: "not_configured" }));
  });
});
