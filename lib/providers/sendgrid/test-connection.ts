import "server-only";
import { checkKey } from "../key-check";
import type { ConnectionTestResult, TestConnectionContext } from "../types";
import { sendGrid } from "./client";
import { sendGridProfile } from "./profile";
import { sendGridScopesSchema } from "./schema";

const NAME = sendGridProfile.name;

/** What the adapter reads: the batch id check and the pause/cancel entries. */
export const SENDGRID_REQUIRED_SCOPES = ["mail.batch.read", "user.scheduled_sends.read"] as const;

/** GET /v3/scopes: proves the key and lists its scopes, so a missing one can be named. */
export function testSendGridConnection(context: TestConnectionContext): Promise<ConnectionTestResult> {
  return checkKey(sendGrid(context), ["v3", "scopes"], { readOk: ({ body }) => readScopes(body) });
}

function readScopes(body: unknown): ConnectionTestResult {
  const parsed = sendGridScopesSchema.safeParse(body);
  if (!parsed.success) {
    return { ok: true, message: `The key works: ${NAME} accepted it, but did not list its scopes.` };
  }
  const granted = new Set(parsed.data.scopes);
  const missingScopes = SENDGRID_REQUIRED_SCOPES.filter((scope) => !granted.has(scope));
  if (missingScopes.length === 0) return { ok: true, message: `The key works: ${NAME} accepted it with every scope Sendboard needs.` };
  return {
    ok: false,
    missingScopes,
    message: `The key is valid but lacks ${missingScopes.join(" and ")}: give it read access to Mail Batch and Scheduled Sends in SendGrid.`,
  };
}
