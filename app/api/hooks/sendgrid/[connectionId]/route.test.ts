import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  addTeamUser,
  callRoute,
  mockedDatabaseModule,
  mockedEnvModule,
  mockedSessionModule,
  routeState as state,
} from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { createSendGridSigner } from "@/sim/sendgrid-signer";
import { DELETE, PATCH } from "../../../connections/[id]/route";
import { GET as LIST, POST as ADD } from "../../../connections/route";
import { POST } from "./route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const signer = createSendGridSigner();
let close: () => Promise<void>;
let connectionId: string;

beforeEach(async () => {
  const temp = await openTempDatabase();
  state.db = temp.db;
  state.env = {};
  close = temp.close;
  state.user = await addTeamUser(temp.db, "team-a", "admin@a.test", "admin");
  const added = await callRoute(
    ADD,
    {},
    { method: "POST", body: { provider: "sendgrid", name: "Mail", apiKey: "SG.test-key" } },
  );
  connectionId = (added.json as { id: string }).id;
  const saved = await callRoute(
    PATCH,
    { id: connectionId },
    { method: "PATCH", body: { webhookPublicKey: signer.publicKey } },
  );
  expect(saved.status).toBe(200);
  state.user = null;
});
afterEach(async () => close());

let seq = 0;
const events = (n: number, name = "delivered") =>
  Array.from({ length: n }, (_, i) => ({
    sg_event_id: `e${++seq}`,
    sg_message_id: `m${i}`,
    event: name,
    email: `r${i}@example.com`,
    timestamp: 1_780_000_000,
    batch_id: "B1",
  }));

async function post(
  body: string,
  headers: Record<string, string> = signer.headersFor(body),
  id = connectionId,
) {
  const request = new Request(`http://127.0.0.1:3000/api/hooks/sendgrid/${id}`, {
    method: "POST",
    // SendGrid sends no Origin; a browser on another site would: the signature decides, not the origin.
    headers: {
      "content-type": "application/json",
      origin: "https://elsewhere.example",
      "sec-fetch-site": "cross-site",
      ...headers,
    },
    body,
  });
  const response = await POST(request, { params: Promise.resolve({ connectionId: id }) });
  return {
    status: response.status,
    json: (await response.json()) as {
      received?: number;
      recorded?: number;
      error?: { code: string; message: string };
    },
  };
}

async function recorded(): Promise<number> {
  const row = await state
    .db!.selectFrom("sendgrid_tallies")
    .select(["events"])
    .where("connection_id", "=", connectionId)
    .where("batch_tag", "=", "B1")
    .executeTakeFirst();
  return row ? Number(row.events) : 0;
}

describe("POST /api/hooks/sendgrid/{connectionId}", () => {
  it("records a signed body with no session and no same-site headers, once however often it is posted", async () => {
    const body = JSON.stringify(events(3));
    expect(await post(body)).toEqual({ status: 200, json: { received: 3, recorded: 3 } });
    expect(await post(body)).toEqual({ status: 200, json: { received: 3, recorded: 0 } });
    expect(await recorded()).toBe(3);
  });

  it("refuses a tampered byte, an old timestamp and missing headers with 401, recording nothing", async () => {
    const body = JSON.stringify(events(2));
    const headers = signer.headersFor(body);
    const tampered = body.replace("r0@", "r9@");
    const old = signer.headersFor(body, new Date(Date.now() - 11 * 60_000));
    for (const answer of [
      await post(tampered, headers),
      await post(body, old),
      await post(body, {}),
    ]) {
      expect(answer.status).toBe(401);
      expect(answer.json.error?.code).toBe("unauthorized");
      expect(JSON.stringify(answer.json)).not.toContain("@example.com");
    }
    expect(await recorded()).toBe(0);
  });

  it("answers 404 for an unknown connection, 400 for a signed body that is not events, 413 past 5 MB", async () => {
    expect(
      (await post(JSON.stringify(events(1)), undefined, "00000000-0000-4000-8000-000000000000"))
        .status,
    ).toBe(404);
    expect((await post("not json")).status).toBe(400);
    const notEvents = await post(JSON.stringify({ email: "secret@example.com" }));
    expect(notEvents.status).toBe(400);
    expect(notEvents.json.error?.message).not.toContain("secret@example.com");
    expect((await post(JSON.stringify([{ event: "delivered" }]))).status).toBe(400);
    const big = "[" + " ".repeat(5 * 1024 * 1024) + "]";
    expect((await post(big)).status).toBe(413);
  });

  it("takes unknown event types and fields, and counts events without the custom arg as untagged", async () => {
    const body = JSON.stringify([
      {
        sg_event_id: "x1",
        event: "group_resubscribe",
        sg_message_id: "m1",
        future_field: { a: 1 },
        batch_id: "B1",
      },
      { sg_event_id: "x2", event: "processed", sg_message_id: "m2" },
    ]);
    expect(await post(body)).toEqual({ status: 200, json: { received: 2, recorded: 2 } });
    state.user = await addTeamUser(state.db!, "team-a", "admin2@a.test", "admin");
    const list = await callRoute(LIST, {});
    const sendGrid = (
      list.json as { items: { id: string; webhook?: Record<string, unknown> }[] }
    ).items.find((item) => item.id === connectionId);
    expect(sendGrid?.webhook).toMatchObject({
      url: `http://127.0.0.1:3000/api/hooks/sendgrid/${connectionId}`,
      publicKeySet: true,
      batchArg: "batch_id",
      events: 2,
      untaggedEvents: 1,
    });
  });

  it("forgets a removed connection's events and recipients, and answers 404 for it after", async () => {
    const body = JSON.stringify(events(2));
    expect((await post(body)).status).toBe(200);
    state.user = await addTeamUser(state.db!, "team-a", "admin4@a.test", "admin");
    expect((await callRoute(DELETE, { id: connectionId }, { method: "DELETE" })).status).toBe(204);
    for (const table of ["sendgrid_events", "sendgrid_messages", "sendgrid_tallies"] as const)
      expect(
        await state
          .db!.selectFrom(table)
          .selectAll()
          .where("connection_id", "=", connectionId)
          .execute(),
      ).toEqual([]);
    expect((await post(JSON.stringify(events(1)))).status).toBe(404);
  });

  it("refuses a verification key that is not a P-256 public key when it is saved", async () => {
    state.user = await addTeamUser(state.db!, "team-a", "admin3@a.test", "admin");
    const saved = await callRoute(
      PATCH,
      { id: connectionId },
      { method: "PATCH", body: { webhookPublicKey: "SG.not-a-key" } },
    );
    expect(saved.status).toBe(400);
  });
});
