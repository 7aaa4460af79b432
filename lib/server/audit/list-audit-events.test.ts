import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AUDIT_PAGE_SIZE } from "@/lib/audit-event";
import type { Database } from "@/lib/server/db/schema";
import type { ServiceContext } from "@/lib/server/service-context";
import { addTeamUser } from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { encodeAuditCursor } from "./audit-cursor";
import { listAuditEvents } from "./list-audit-events";
import { recordAudit } from "./record-audit";

let db: Kysely<Database>;
let close: () => Promise<void>;
let admin: ServiceContext;
const t0 = Date.parse("2026-11-27T10:00:00.000Z");

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  admin = { db, actor: await addTeamUser(db, "team-a", "boss@a.test", "admin") };
});
afterEach(async () => close());

/** `count` events, the n-th at t0 + n s; several share a second when `perSecond` > 1. */
async function record(ctx: ServiceContext, count: number, perSecond = 1) {
  for (let n = 0; n < count; n++) {
    await recordAudit(
      ctx,
      { action: "user.invite", target: { id: null, label: `person-${n}@a.test` } },
      new Date(t0 + Math.floor(n / perSecond) * 1000),
    );
  }
}

async function readAll(ctx: ServiceContext) {
  const labels: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents(ctx, { cursor });
    labels.push(...page.items.map((item) => item.target.label ?? ""));
    sizes.push(page.items.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { labels, sizes };
}

describe("listAuditEvents", () => {
  it("pages newest first with no event missed or repeated, even when many share a time", async () => {
    await record(admin, AUDIT_PAGE_SIZE * 2 + 7, 4);
    const { labels, sizes } = await readAll(admin);
    expect(sizes).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 7]);
    expect(new Set(labels).size).toBe(AUDIT_PAGE_SIZE * 2 + 7);
    const at = (label: string) => Number(label.match(/\d+/)?.[0]);
    const seconds = labels.map((label) => Math.floor(at(label) / 4));
    expect(seconds).toEqual([...seconds].sort((a, b) => b - a));
  });

  it("answers a page that ends exactly with no next cursor", async () => {
    await record(admin, AUDIT_PAGE_SIZE);
    expect(await listAuditEvents(admin, {})).toMatchObject({ nextCursor: null });
  });

  it("shows only the caller's team, naming people as they are now and removed ones by their email", async () => {
    const ana = await addTeamUser(db, "team-a", "ana@a.test", "operator");
    const stranger = await addTeamUser(db, "team-b", "boss@b.test", "admin");
    await record({ db, actor: ana, address: "203.0.113.7" }, 1);
    await record({ db, actor: stranger }, 3);
    await db.updateTable("users").set({ name: "Ana Ruiz" }).where("id", "=", ana.id).execute();
    const page = await listAuditEvents(admin, {});
    expect(page.items).toEqual([
      {
        id: expect.any(String),
        at: new Date(t0).toISOString(),
        actor: { kind: "user", id: ana.id, email: "ana@a.test", name: "Ana Ruiz" },
        action: "user.invite",
        target: { type: "user", id: null, label: "person-0@a.test" },
        address: "203.0.113.7",
        outcome: "ok",
        details: {},
      },
    ]);
    await db.deleteFrom("users").where("id", "=", ana.id).execute();
    expect((await listAuditEvents(admin, {})).items[0]?.actor).toEqual({
      kind: "user",
      id: ana.id,
      email: "ana@a.test",
      name: null,
    });
  });

  it("is for admins only", async () => {
    for (const role of ["operator", "member"] as const) {
      const ctx = { db, actor: await addTeamUser(db, "team-a", `${role}@a.test`, role) };
      await expect(listAuditEvents(ctx, {})).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("refuses a cursor it did not hand out", async () => {
    const forged = [
      "not-a-cursor",
      Buffer.from("2026-11-27|x").toString("base64url"),
      Buffer.from("2026-11-27T10:00:00.000Z|1b4e28ba-2fa1-11d2-883f-0016d3cca427|x").toString(
        "base64url",
      ),
      Buffer.from("' or 1=1 --|1b4e28ba-2fa1-11d2-883f-0016d3cca427").toString("base64url"),
    ];
    for (const cursor of forged)
      await expect(listAuditEvents(admin, { cursor })).rejects.toMatchObject({
        code: "bad_request",
      });
    const fine = encodeAuditCursor({
      at: new Date(t0).toISOString(),
      id: "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    });
    expect(await listAuditEvents(admin, { cursor: fine })).toEqual({ items: [], nextCursor: null });
  });
});
