import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  sendJson,
  startFakeUpstream,
  type FakeUpstream,
} from "@/lib/providers/testing/fake-upstream";
import { storedEvents } from "@/lib/server/audit/test-support";
import type { ServiceContext } from "@/lib/server/service-context";
import { mockedEnvModule } from "@/lib/server/testing/route-harness";
import type { ConnectionDeps } from "./deps";
import { createConnection, removeConnection, updateConnection } from "./manage";
import { testConnectionById } from "./test-connection";
import { openConnectionDeps } from "./test-deps";

vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const GOOD = "sk_test_sendboard_sim";
const WRONG = "sk_test_wrong_key_42";
let upstream: FakeUpstream;
let deps: ConnectionDeps;
let as: (teamId: string) => ServiceContext;
let close: () => Promise<void>;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  upstream.reply((request, response) =>
    request.headers.authorization === `Bearer ${GOOD}`
      ? sendJson(response, 200, { success: true, data: { projects: [] } })
      : sendJson(response, 401, { success: false, code: "INVALID_API_KEY" }),
  );
});
afterAll(() => upstream.close());
beforeEach(async () => {
  ({ deps, as, close } = await openConnectionDeps({
    MIGMA_API_URL: upstream.baseUrl,
    MIGMA_API_KEY: GOOD,
  }));
});
afterEach(async () => close());

const admin = (): ServiceContext => ({ ...as("team-a"), address: "192.0.2.10" });
const member = (role: "operator" | "member"): ServiceContext => ({
  db: deps.db,
  actor: { id: `${role}-1`, teamId: "team-a", role, email: `${role}@a.test` },
});
const brief = async () =>
  (await storedEvents(deps.db)).map(({ action, target_id, target_label, outcome, details }) => ({
    action,
    target_id,
    target_label,
    outcome,
    details,
  }));

describe("the connections the activity log records", () => {
  it("added, edited, tested and removed, by name and provider, never with a key", async () => {
    const created = await createConnection(
      admin(),
      { provider: "migma", name: "Main", apiKey: GOOD },
      new Date("2026-11-27T10:00:00Z"),
    );
    await updateConnection(
      admin(),
      { id: created.id, changes: { name: "Renamed", apiKey: WRONG, budgetPerMinute: 30 } },
      new Date("2026-11-27T10:01:00Z"),
    );
    await testConnectionById(admin(), { id: created.id }, new Date("2026-11-27T10:02:00Z"));
    await testConnectionById(admin(), { id: "env-migma" }, new Date("2026-11-27T10:02:00Z"));
    await removeConnection(admin(), { id: created.id }, new Date("2026-11-27T10:03:00Z"));
    const events = await brief();
    expect(events[0]).toEqual({
      action: "connection.create",
      target_id: created.id,
      target_label: "Main",
      outcome: "ok",
      details: { provider: "migma" },
    });
    expect(events[1]).toEqual({
      action: "connection.update",
      target_id: created.id,
      target_label: "Renamed",
      outcome: "ok",
      details: { provider: "migma", changed: "name, budget, API key", renamedFrom: "Main" },
    });
    expect(events.slice(2, 4)).toEqual(
      expect.arrayContaining([
        {
          action: "connection.test",
          target_id: created.id,
          target_label: "Renamed",
          outcome: "failed",
          details: { provider: "migma", result: expect.stringMatching(/does not work/) },
        },
        {
          action: "connection.test",
          target_id: "env-migma",
          target_label: expect.any(String),
          outcome: "ok",
          details: { provider: "migma", result: expect.stringMatching(/works/) },
        },
      ]),
    );
    expect(events[4]).toEqual({
      action: "connection.remove",
      target_id: created.id,
      target_label: "Renamed",
      outcome: "ok",
      details: { provider: "migma" },
    });
    const text = JSON.stringify(await storedEvents(deps.db));
    for (const key of [GOOD, WRONG, GOOD.slice(-4)]) expect(text).not.toContain(key);
    expect(text).toContain("192.0.2.10");
  });

  it("records operators' and members' attempts as refused, without calling the provider", async () => {
    const created = await createConnection(admin(), {
      provider: "migma",
      name: "Main",
      apiKey: GOOD,
    });
    upstream.requests.length = 0;
    for (const role of ["operator", "member"] as const) {
      const ctx = member(role);
      await expect(
        createConnection(ctx, { provider: "migma", name: "Mine", apiKey: WRONG }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        updateConnection(ctx, { id: created.id, changes: { apiKey: WRONG } }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(testConnectionById(ctx, { id: created.id })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(removeConnection(ctx, { id: created.id })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    const refused = (await brief()).filter((event) => event.outcome === "refused");
    expect(refused.map((event) => event.action).sort()).toEqual(
      ["connection.create", "connection.remove", "connection.test", "connection.update"].flatMap(
        (action) => [action, action],
      ),
    );
    expect(refused.find((event) => event.action === "connection.create")).toMatchObject({
      target_label: "Mine",
      details: { provider: "migma" },
    });
    expect(upstream.requests).toHaveLength(0);
    expect(await deps.db.selectFrom("connections").select("name").execute()).toEqual([
      { name: "Main" },
    ]);
  });

  it("records nothing for a change that does not happen", async () => {
    await expect(
      updateConnection(admin(), { id: "env-migma", changes: { name: "x" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(removeConnection(admin(), { id: crypto.randomUUID() })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      createConnection(admin(), { provider: "migma", name: "EU", apiKey: GOOD, region: "eu" }),
    ).rejects.toMatchObject({ code: "bad_request" });
    const stranger = await createConnection(as("team-b"), {
      provider: "migma",
      name: "Theirs",
      apiKey: GOOD,
    });
    await expect(testConnectionById(admin(), { id: stranger.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await brief()).map((event) => event.action)).toEqual(["connection.create"]);
  });

  it("makes no change it cannot record", async () => {
    const created = await createConnection(admin(), {
      provider: "migma",
      name: "Main",
      apiKey: GOOD,
    });
    await sql`drop table audit_events`.execute(deps.db);
    await expect(
      createConnection(admin(), { provider: "migma", name: "Second", apiKey: GOOD }),
    ).rejects.toThrow();
    await expect(
      updateConnection(admin(), { id: created.id, changes: { name: "Renamed" } }),
    ).rejects.toThrow();
    await expect(removeConnection(admin(), { id: created.id })).rejects.toThrow();
    expect(await deps.db.selectFrom("connections").select(["id", "name"]).execute()).toEqual([
      { id: created.id, name: "Main" },
    ]);
  });
});
