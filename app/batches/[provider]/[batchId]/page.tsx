import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PROVIDER_INFO, isProviderId } from "@/lib/providers/provider-id";
import { requirePageSession } from "@/lib/server/session";
import { BatchView } from "./_components/batch-view";

type BatchPageProps = { params: Promise<{ provider: string; batchId: string }> };

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

export default async function BatchPage({ params }: BatchPageProps) {
  const { provider, batchId: rawBatchId } = await params;
  const batchId = decodeSegment(rawBatchId);
  const path = `/batches/${encodeURIComponent(provider)}/${encodeURIComponent(batchId)}`;
  await requirePageSession(path);
  if (!isProviderId(provider)) notFound();
  return <BatchView provider={provider} batchId={batchId} path={path} />;
}
