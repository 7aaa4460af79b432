import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
// First: the mocks below are built from it, and the modules after it load the mocked ones.
import {
  addTeamUser,
  mockedDatabaseModule,
  mockedEnvModule,
  routeState as state,
} from "@/lib/server/testing/route-harness";
import { createBoard } from "@/lib/server/boards";
import { createShareLink, revokeShareLink } from "@/lib/server/share-links";
import type { ServiceContext } from "@/lib/server/service-context";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { GET } from "./[token]/route";

vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let close: () => Promise<void>;
let owner: ServiceContext;

beforeEach(async () => {
  const temp = await openTempDatabase();
  state.db = temp.db;
  close = temp.close;
  owner = { db: temp.db, actor: await addTeamUser(temp.db, "team-a", "owner@a.test", "member") };
});
afterEach(async () => close());

const open = (token: string) =>
  GET(new Request(`http://127.0.0.1:3000/api/share/${token}`), {
    params: Promise.resolve({ token }),
  });

describe("GET /api/share/{token}", () => {
  it("answers the board with a request id and no referrer, and keeps doing so once the link is revoked (410)", async () => {
    const board = await createBoard(owner, {
      name: "Launch",
      batches: [{ provider: "migma", batchId: "sim-running" }],
    });
    const link = await createShareLink(owner, {
      target: { boardId: board.id },
      origin: "https://sendboard.example",
    });
    const shown = await open(link.token);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({ kind: "board", name: "Launch" });
    await revokeShareLink(owner, { linkId: link.id });
    const revoked = await open(link.token);
    expect(revoked.status).toBe(410);
    for (const answer of [shown, revoked]) {
      expect(answer.headers.get("x-request-id")).toBeTruthy();
      expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
      expect(answer.headers.get("cache-control")).toBe("private, no-store");
    }
  });
});
