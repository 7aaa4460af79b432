import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { USER_ROLES } from "@/lib/team-user";
import { ACTIONS, assertCan, can, ROLES, type Action, type Actor, type Role } from "./permissions";

const admin: Actor = { id: "u_admin", role: "admin", teamId: "team_a", email: "admin@a.test" };
const operator: Actor = { id: "u_operator", role: "operator", teamId: "team_a", email: "operator@a.test" };
const member: Actor = { id: "u_member", role: "member", teamId: "team_a", email: "member@a.test" };
const ownTeam = { teamId: "team_a" };
const otherTeam = { teamId: "team_b" };

const expected: Record<Role, Record<Action, boolean>> = {
  admin: {
    "connections:manage": true,
    "users:manage": true,
    "boards:read": true,
    "boards:write": true,
    "boards:add-batch": true,
    "batches:read": true,
    "batches:label": true,
    "share-links:manage": true,
    "share-links:revoke-any": true,
    "watched:manage": true,
    "sends:act": true,
    "auto-watch:manage": true,
    "audit:read": true,
    "tokens:manage": true,
    "alerts:manage": true,
  },
  operator: {
    "connections:manage": false,
    "users:manage": false,
    "boards:read": true,
    "boards:write": true,
    "boards:add-batch": true,
    "batches:read": true,
    "batches:label": true,
    "share-links:manage": true,
    "share-links:revoke-any": false,
    "watched:manage": true,
    "sends:act": true,
    "auto-watch:manage": true,
    "audit:read": false,
    "tokens:manage": false,
    "alerts:manage": false,
  },
  member: {
    "connections:manage": false,
    "users:manage": false,
    "boards:read": true,
    "boards:write": true,
    "boards:add-batch": true,
    "batches:read": true,
    "batches:label": true,
    "share-links:manage": true,
    "share-links:revoke-any": false,
    "watched:manage": true,
    "sends:act": false,
    "auto-watch:manage": false,
    "audit:read": false,
    "tokens:manage": false,
    "alerts:manage": false,
  },
};

// An API token's rule is its own table, narrower than the person of the same role.
const TOKEN_MAY: Record<"member" | "operator", readonly Action[]> = {
  member: ["boards:read", "batches:read"],
  operator: ["boards:read", "batches:read", "sends:act", "boards:add-batch"],
};

describe("an API token", () => {
  for (const role of ["member", "operator"] as const) {
    const token: Actor = { id: `tok_${role}`, role, teamId: "team_a", email: `CI (API token)`, kind: "token" };
    for (const action of ACTIONS) {
      const allowed = TOKEN_MAY[role].includes(action);
      it(`${role} token ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(token, action)).toBe(allowed);
        expect(can(token, action, otherTeam)).toBe(false);
      });
    }
  }

  it("with the admin role (never issued) may do nothing", () => {
    const forged: Actor = { id: "tok_x", role: "admin", teamId: "team_a", email: "x (API token)", kind: "token" };
    for (const action of ACTIONS) expect(can(forged, action)).toBe(false);
  });
});

describe("the role list", () => {
  it("is the one the client-safe team-user module offers", () => {
    expect(ROLES).toBe(USER_ROLES);
    expect([...ROLES]).toEqual(["admin", "operator", "member"]);
  });
});

describe("can", () => {
  for (const user of [admin, operator, member]) {
    for (const action of ACTIONS) {
      const allowed = expected[user.role][action];
      it(`${user.role} ${allowed ? "may" : "may not"} ${action} in their team`, () => {
        expect(can(user, action)).toBe(allowed);
        expect(can(user, action, ownTeam)).toBe(allowed);
      });

      it(`${user.role} may not ${action} on another team's resource`, () => {
        expect(can(user, action, otherTeam)).toBe(false);
      });
    }
  }

  it("denies a role or action it does not know instead of throwing", () => {
    const stranger = { ...member, role: "owner" } as unknown as Actor;
    const inherited = { ...member, role: "toString" } as unknown as Actor;
    expect(can(stranger, "boards:read")).toBe(false);
    expect(can(inherited, "boards:read")).toBe(false);
    expect(can(admin, "boards:delete" as Action)).toBe(false);
  });

  it("compares team ids exactly", () => {
    expect(can(admin, "boards:read", { teamId: "TEAM_A" })).toBe(false);
    expect(can(admin, "boards:read", { teamId: "" })).toBe(false);
  });
});

describe("assertCan", () => {
  it("returns quietly when allowed", () => {
    expect(() => assertCan(member, "boards:write", ownTeam)).not.toThrow();
  });

  it("throws a forbidden AppError with a human message", () => {
    let error: unknown;
    try {
      assertCan(member, "connections:manage");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("forbidden");
    expect((error as AppError).status).toBe(403);
    expect((error as AppError).message).toBe(
      "You do not have permission to manage provider connections.",
    );
  });

  it("names what an operator may not do", () => {
    expect(() => assertCan(operator, "users:manage")).toThrow("You do not have permission to manage users.");
    expect(() => assertCan(member, "sends:act")).toThrow("You do not have permission to act on sends.");
  });

  it("throws for another team's resource even for admins", () => {
    expect(() => assertCan(admin, "boards:read", otherTeam)).toThrow(AppError);
  });
});
