import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ServiceContext } from "@/lib/server/service-context";
import { mockedDatabaseModule, mockedEnvModule, routeState as state, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { createConnection, removeConnection, updateConnection } from "./manage";
import * as repository from "./repository";
import { resolveConnection } from "./resolve";
import { forgetResolvedConnections } from "./resolved-cache";

vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let close: () => Promise<void>;

beforeEach(async () => {
  forgetResolvedConnections();
  const temp = await openTempDatabase();
  state.db = temp.db;
  close = temp.close;
  // team-a is the first team, whose connections include the environment's.
  await serveEnvConnectionsTo(temp.db, "team-a");
});
afterEach(async () => {
  vi.restoreAllMocks();
  await close();
});

describe("resolveConnection's short memory", () => {
  it("answers repeated reads of a batch's connection without asking the database again", async () => {
    const firstRow = vi.spyOn(repository, "findFirstConnectionRow");
    const answers = await Promise.all([1, 2, 3].map(() => resolveConnection("team-a", "migma")));
    await resolveConnection("team-a", "migma");
    expect(answers.map((answer) => answer.id)).toEqual(["env-migma", "env-migma", "env-migma"]);
    // The concurrent first reads each ask once; the read after them comes from memory.
    expect(firstRow).toHaveBeenCalledTimes(3);
    await expect(resolveConnection("team-b", "migma")).rejects.toMatchObject({ code: "not_configured" });
    expect(firstRow).toHaveBeenCalledTimes(4);
  });

  it("sees an admin's add, edit and removal at the very next read", async () => {
    const admin: ServiceContext = { db: state.db!, actor: { id: "admin-a", teamId: "team-a", role: "admin", email: "admin@a.test" } };
    expect((await resolveConnection("team-a", "migma")).id).toBe("env-migma");

    const added = await createConnection(admin, { provider: "migma", name: "Own", apiKey: "own_key_1234" });
    expect(await resolveConnection("team-a", "migma")).toMatchObject({ id: added.id, budgetPerMinute: null });
    expect((await resolveConnection("team-a", "migma", added.id)).readApiKey()).toBe("own_key_1234");

    await updateConnection(admin, { id: added.id, changes: { budgetPerMinute: 12, apiKey: "new_key_5678" } });
    const edited = await resolveConnection("team-a", "migma", added.id);
    expect(edited.budgetPerMinute).toBe(12);
    expect(edited.readApiKey()).toBe("new_key_5678");

    await removeConnection(admin, { id: added.id });
    expect((await resolveConnection("team-a", "migma")).id).toBe("env-migma");
    await expect(resolveConnection("team-a", "migma", added.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
