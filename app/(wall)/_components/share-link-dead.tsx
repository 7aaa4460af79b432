import type { WallDeadReason } from "@/lib/wall/descriptor";

const COPY = {
  revoked: {
    title: "This link was revoked",
    hint: "Whoever shared it turned it off. Ask them for a new link.",
  },
  expired: {
    title: "This link has expired",
    hint: "Share links work for a limited time. Ask for a new link.",
  },
  missing: {
    title: "This link does not work",
    hint: "The board it showed is gone, or the address is incomplete.",
  },
  "signed-out": { title: "Signed out", hint: "Sign in again to keep this wall running." },
} as const satisfies Record<WallDeadReason, { title: string; hint: string }>;

/** Replaces every number on screen: a dead link must never look like a frozen send. */
export function ShareLinkDead({ reason }: { reason: WallDeadReason }) {
  const copy = COPY[reason];
  return (
    <div
      role="alert"
      data-testid="share-link-dead"
      data-reason={reason}
      className="flex h-full w-full flex-col items-center justify-center gap-[0.8em] bg-black p-[1em] text-center"
    >
      <span
        aria-hidden
        className="flex size-[2.6em] items-center justify-center rounded-full border-[0.12em] border-muted text-[length:calc(var(--wall-min)*1.8)] font-bold text-muted"
      >
        ×
      </span>
      <h1 className="text-[length:calc(var(--wall-min)*2)] font-semibold text-ink">{copy.title}</h1>
      <p className="max-w-[30em] text-muted">{copy.hint}</p>
    </div>
  );
}
