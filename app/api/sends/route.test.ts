import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addTeamUser, callRoute, mockedDatabaseModule, mockedEnvModule, mockedSessionModule, routeState as state, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { recentSendsPageSchema } from "@/lib/recent-sends";
import { simulatorAccounts, simulatorForFile } from "@/lib/server/testing/simulator-accounts";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { GET } from "./route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const simulator = simulatorForFile();
let close: () => Promise<void>;

beforeEach(async () => {
  const temp = await openTempDatabase();
  state.db = temp.db;
  close = temp.close;
  await serveEnvConnectionsTo(temp.db, "team-a");
  state.env = simulatorAccounts(simulator().url, ["mindo"]);
  state.user = await addTeamUser(temp.db, "team-a", "member@a.test", "member");
});
afterEach(async () => close());

const get = (query: string) => callRoute(GET, {}, { path: `/api/sends${query}` });

describe("GET /api/sends", () => {
  it("answers a member with the connection's recent sends in the documented shape", async () => {
    const answer = await get("?connection=env-mindo&q=order");
    expect(answer.status).toBe(200);
    const page = recentSendsPageSchema.parse(answer.json);
    expect(page.items.map((item) => item.name)).toEqual(["order_shipped"]);
  });

  it("answers 400 for a query it cannot read and 404 for a connection the team does not have", async () => {
    expect(await get("")).toMatchObject({ status: 400, json: { error: { code: "bad_request" } } });
    expect(await get("?connection=../../etc")).toMatchObject({ status: 400 });
    expect(await get("?connection=env-mindo&status=nonsense")).toMatchObject({ status: 400 });
    expect(await get("?connection=1b4e28ba-2fa1-41d2-883f-0016d3cca427")).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
  });

  it("answers 503 provider_busy with Retry-After when the lists' share of the budget is spent", async () => {
    await get("?connection=env-mindo");
    for (const status of ["queued", "completed", "failed", "partial", "cancelled", "scheduled", "paused", "unknown", "running"]) await get(`?connection=env-mindo&status=${status}`);
    let answer: Response | null = null;
    for (let attempt = 0; attempt < 20 && answer?.status !== 503; attempt += 1) {
      answer = await GET(new Request(`http://127.0.0.1:3000/api/sends?connection=env-mindo&q=x&cursor=${attempt + 2}`), { params: Promise.resolve({}) });
    }
    expect(answer!.status).toBe(503);
    expect(Number(answer!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await answer!.json()).toMatchObject({ error: { code: "provider_busy", message: expect.stringMatching(/try again in \d+ s/) } });
  });

  it("answers 401 without a session", async () => {
    state.user = null;
    expect((await get("?connection=env-mindo")).status).toBe(401);
  });
});
