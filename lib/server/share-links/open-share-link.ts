import "server-only";
import { AppError } from "@/lib/errors";
import type { SharedView } from "@/lib/share-link";
import { getLogger } from "@/lib/server/logger";
import type { PublicContext } from "@/lib/server/service-context";
import type { WallDeadReason } from "@/lib/wall/descriptor";
import { getSharedView, recordShareView } from "./shared-view";

const DEAD: Partial<Record<string, WallDeadReason>> = {
  share_link_revoked: "revoked",
  share_link_expired: "expired",
  not_found: "missing",
};

export type OpenedShareLink =
  { ok: true; view: SharedView } | { ok: false; reason: WallDeadReason };

/** One page load of /s/{token}: the view and one counted visit, or why the link does not work. */
export async function openShareLink({ db }: PublicContext, { token }: { token: string }, now = new Date()): Promise<OpenedShareLink> {
  try {
    const { linkId, ...view } = await getSharedView(db, token, now);
    await recordShareView(db, linkId, now);
    getLogger().info({ event: "share_link_opened", linkId }, "share link used");
    return { ok: true, view };
  } catch (error) {
    const reason = error instanceof AppError ? DEAD[error.code] : undefined;
    if (reason) return { ok: false, reason };
    throw error;
  }
}
