import { describe, expect, it } from "vitest";
import type { AuditEvent } from "./audit-event";
import { auditActorName, auditNote, auditSentence } from "./audit-sentence";

function event(overrides: Partial<AuditEvent>): AuditEvent {
  return {
    id: "e1",
    at: "2026-11-27T10:00:00.000Z",
    actor: { kind: "user", id: "u1", email: "ana@example.com", name: "Ana" },
    action: "batch.pause",
    target: { type: "batch", id: "sg-1", label: "Black Friday" },
    address: null,
    outcome: "ok",
    details: { provider: "sendgrid" },
    ...overrides,
  };
}

describe("auditSentence", () => {
  it("reads as who did what to which, at which provider, and how it went", () => {
    expect(auditSentence(event({}))).toBe("Ana paused 'Black Friday' (SendGrid) — ok");
    expect(
      auditSentence(
        event({
          action: "user.role_change",
          target: { type: "user", id: "u2", label: "bo@example.com" },
          details: { from: "member", to: "operator" },
        }),
      ),
    ).toBe("Ana changed the role of 'bo@example.com' from member to operator — ok");
    expect(
      auditSentence(
        event({
          action: "user.invite",
          outcome: "refused",
          target: { type: "user", id: null, label: "new@example.com" },
          details: { role: "admin" },
        }),
      ),
    ).toBe("Ana invited 'new@example.com' as admin — refused");
    expect(
      auditSentence(
        event({
          action: "share_link.create",
          target: { type: "share_link", id: "l1", label: "Ops wall" },
          details: { shares: "board" },
        }),
      ),
    ).toBe("Ana created a share link to the board 'Ops wall' — ok");
    expect(
      auditSentence(
        event({
          action: "connection.update",
          target: { type: "connection", id: "c1", label: "Main" },
          details: { provider: "migma", changed: "name, API key" },
        }),
      ),
    ).toBe("Ana changed the connection 'Main' (Migma): name, API key — ok");
  });

  it("names a removed person by the email the event kept, and Sendboard for its own changes", () => {
    expect(
      auditActorName(
        event({ actor: { kind: "user", id: "u1", email: "ana@example.com", name: null } }),
      ),
    ).toBe("ana@example.com");
    expect(
      auditActorName(event({ actor: { kind: "system", id: null, email: null, name: null } })),
    ).toBe("Sendboard");
  });

  it("still reads an action or target type a newer build wrote", () => {
    expect(
      auditSentence(
        event({
          action: "webhook.rotate",
          target: { type: "webhook", id: null, label: null },
          details: {},
        }),
      ),
    ).toBe("Ana did webhook.rotate on a webhook — ok");
  });

  it("offers the answer worth a second line", () => {
    expect(auditNote(event({ details: { result: "The key works: Migma accepted it." } }))).toBe(
      "The key works: Migma accepted it.",
    );
    expect(auditNote(event({}))).toBeNull();
  });
});
