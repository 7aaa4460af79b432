import type { BatchSnapshot } from "./batch-snapshot";
import { formatCount } from "./format";
import type { BatchAction, ProviderProfile } from "./providers/provider-profile";

export const ACTION_LABELS: Record<BatchAction, string> = { pause: "Pause", resume: "Resume", cancel: "Cancel send", stop: "Stop" };

/** Cancel and stop cannot be taken back: the batch's name is typed to confirm them. */
export function needsTypedName(action: BatchAction): boolean {
  return action === "cancel" || action === "stop";
}

type Profile = Pick<ProviderProfile, "name" | "reports" | "sendTime">;
type Snapshot = Pick<BatchSnapshot, "total" | "processed" | "state">;

/** What will happen, in numbers where the provider gives them: "47,112 messages not yet sent will be discarded." */
export function actionConsequence(action: BatchAction, profile: Profile, snapshot: Snapshot): string {
  const left = snapshot.total === null ? null : Math.max(0, snapshot.total - snapshot.processed);
  const items = left === 1 ? profile.reports.items.one : profile.reports.items.many;
  const unsent = left === null ? `Every ${profile.reports.items.one} of this batch not yet sent` : `${formatCount(left)} ${items} not yet sent`;
  switch (action) {
    case "pause":
      return profile.sendTime
        ? `${profile.name} will hold this batch's ${profile.reports.items.many} past the send time until someone resumes it; paused ${profile.reports.items.many} expire 72 h after the send time.`
        : `${unsent} will wait until someone resumes the batch.`;
    case "resume":
      return profile.sendTime
        ? `${profile.name} will send this batch's ${profile.reports.items.many} at the send time, or at once if it has passed.`
        : `${unsent} will go out again.`;
    case "cancel":
      return `${unsent} will be discarded${profile.sendTime ? " at the send time" : ""}.`;
    case "stop":
      return `${left === null ? "Every" : formatCount(left)} ${left === null ? profile.reports.items.one : items} not yet made will be discarded. A stopped batch cannot be started again.`;
  }
}
