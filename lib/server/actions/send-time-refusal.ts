import "server-only";
import type { Kysely } from "kysely";
import { formatMoment } from "@/lib/format";
import { profileOf } from "@/lib/providers/profiles";
import type { BatchAction } from "@/lib/providers/provider-profile";
import type { ResolvedConnection } from "../connections";
import type { Database } from "../db/schema";
import { findSendTime } from "../send-times";
import type { ActionRefusal } from "./action-outcome";

/**
 * SendGrid refuses (or does not guarantee) a pause or cancel less than 10 minutes before the send
 * time: when Sendboard knows the time, it says so without calling. Unknown, the provider's 400 decides.
 */
export async function sendTimeRefusal(db: Kysely<Database>, connection: ResolvedConnection, batchId: string, action: BatchAction, now: Date): Promise<ActionRefusal | null> {
  const rules = profileOf(connection.provider).sendTime;
  if (!rules || (action !== "pause" && action !== "cancel")) return null;
  const sendAt = await findSendTime(db, { connectionId: connection.id, batchId });
  if (sendAt === null) return null;
  const closesAt = Date.parse(sendAt) - rules.holdClosesBeforeMs;
  if (now.getTime() < closesAt) return null;
  const minutes = Math.round(rules.holdClosesBeforeMs / 60_000);
  const name = profileOf(connection.provider).name;
  return {
    kind: "refused",
    reason: "not_allowed",
    message: `Too late to ${action}: ${name} accepts a pause or cancel until ${minutes} minutes before the send time (${formatMoment(Date.parse(sendAt), now.getTime(), { timeZone: "UTC" })} UTC).`,
  };
}
