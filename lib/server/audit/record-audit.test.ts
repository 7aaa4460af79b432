import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import type { ServiceContext } from "@/lib/server/service-context";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { recordAudit, systemActor } from "./record-audit";
import { storedEvents } from "./test-support";

let db: Kysely<Database>;
let close: () => Promise<void>;
const at = new Date("2026-11-27T10:00:00.000Z");

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
});
afterEach(async () => close());

const ana = (): ServiceContext => ({
  db,
  actor: { id: "u-ana", teamId: "team-a", role: "operator", email: "ana@a.test" },
  address: "203.0.113.7",
});

describe("recordAudit", () => {
  it("stores who, when, what, from where and how it went, the target's type taken from the action", async () => {
    await recordAudit(
      ana(),
      {
        action: "batch.pause",
        target: { id: "sg-1", label: "Black Friday" },
        details: { provider: "sendgrid", apiKey: "SG.secret" },
      },
      at,
    );
    expect(await storedEvents(db)).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        team_id: "team-a",
        at: at.toISOString(),
        actor_kind: "user",
        actor_id: "u-ana",
        actor_email: "ana@a.test",
        action: "batch.pause",
        target_type: "batch",
        target_id: "sg-1",
        target_label: "Black Friday",
        address: "203.0.113.7",
        outcome: "ok",
        details: { provider: "sendgrid" },
      },
    ]);
  });

  it("records a token as a token, and Sendboard's own changes with nobody's id, email or address", async () => {
    await recordAudit(
      { ...ana(), actor: { ...ana().actor, kind: "token" } },
      { action: "token.use", target: { id: "t1", label: "CRM" }, outcome: "refused" },
      at,
    );
    await recordAudit(
      { db, actor: systemActor("team-a"), address: "198.51.100.1" },
      { action: "auto_watch.update", target: { id: "b1", label: "Ops" } },
      at,
    );
    const events = await storedEvents(db);
    const token = events.find((row) => row.action === "token.use");
    const system = events.find((row) => row.action === "auto_watch.update");
    expect(token).toMatchObject({
      actor_kind: "token",
      actor_id: "u-ana",
      outcome: "refused",
      address: "203.0.113.7",
    });
    expect(system).toMatchObject({
      actor_kind: "system",
      actor_id: null,
      actor_email: null,
      address: null,
      team_id: "team-a",
    });
  });

  it("without an address in the context, stores none", async () => {
    await recordAudit(
      { db, actor: ana().actor },
      { action: "user.remove", target: { id: "u2", label: null } },
      at,
    );
    expect((await storedEvents(db))[0]).toMatchObject({
      address: null,
      target_label: null,
      details: {},
    });
  });

  it("lives and dies with the transaction of the change it records", async () => {
    const change = (fail: boolean) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto("teams")
          .values({ id: fail ? "t-failed" : "t-kept", name: "T", created_at: at.toISOString() })
          .execute();
        await recordAudit(
          { ...ana(), db: trx },
          { action: "user.invite", target: { id: null, label: fail ? "failed" : "kept" } },
          at,
        );
        if (fail) throw new Error("the change failed after it was recorded");
      });
    await change(false);
    await expect(change(true)).rejects.toThrow("the change failed");
    expect((await storedEvents(db)).map((row) => row.target_label)).toEqual(["kept"]);
    expect((await db.selectFrom("teams").select("id").execute()).map((row) => row.id)).toEqual([
      "t-kept",
    ]);
  });
});
