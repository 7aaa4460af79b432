import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { batchPagePath } from "@/lib/batch-page-path";
import { AppError } from "@/lib/errors";
import { PROVIDER_INFO, isProviderId } from "@/lib/providers/provider-id";
import { getBatchLabel } from "@/lib/server/labels";
import { can } from "@/lib/server/security/permissions";
import { contextFor } from "@/lib/server/service-context";
import { requirePageSession } from "@/lib/server/session";
import { BatchView } from "./_components/batch-view";

type BatchPageProps = {
  params: Promise<{ provider: string; batchId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Valid ids never contain "%", so decoding cannot change a valid id; a broken escape stays as
// typed and the API rejects it with a reason.
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: BatchPageProps): Promise<Metadata> {
  const { provider, batchId } = await params;
  if (!isProviderId(provider)) return { title: "Unknown provider" };
  return { title: `${PROVIDER_INFO[provider].name} ${decodeSegment(batchId)}` };
}

export default async function BatchPage({ params, searchParams }: BatchPageProps) {
  const { provider, batchId: rawBatchId } = await params;
  const { connection } = await searchParams;
  const batchId = decodeSegment(rawBatchId);
  const connectionId = typeof connection === "string" && connection ? connection : undefined;
  const path = batchPagePath(provider, batchId, connectionId);
  const user = await requirePageSession(path);
  if (!isProviderId(provider)) notFound();
  // A malformed id or a connection the team cannot use has no label: the view says what is wrong.
  const { label } = await getBatchLabel(await contextFor(user), { provider, batchId, connectionId }).catch(
    (error: unknown) => {
      if (error instanceof AppError) return { label: null };
      throw error;
    },
  );
  return (
    <BatchView
      provider={provider}
      batchId={batchId.trim()}
      connectionId={connectionId}
      path={path}
      initialLabel={label}
      canAct={can(user, "sends:act")}
    />
  );
}
