import type { Metadata } from "next";
import { publicContext } from "@/lib/server/service-context";
import { openShareLink } from "@/lib/server/share-links";
import { ShareLinkDead } from "../../_components/share-link-dead";
import { WallScreen } from "../../_components/wall-screen";

// The token is the credential: no Referer carries it anywhere, no search engine keeps it.
export const metadata: Metadata = {
  title: "Shared board",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

// /s/{token} — public, no sign-in: the wall of one board or batch, counted as one view per load
export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const opened = await openShareLink(await publicContext(), { token });
  if (!opened.ok) return <ShareLinkDead reason={opened.reason} />;
  return <WallScreen source={{ kind: "share", token }} initial={opened.view} />;
}
