import "server-only";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import type { BatchAction, ProviderCapabilities, ProviderProfile } from "./provider-profile";
import type { ProviderId } from "./provider-id";
import type { TransformContext } from "./snapshot-parts";
import type {
  ConnectionTestResult,
  FetchBatchContext,
  ProviderAdapter,
  ProviderOperations,
  TestConnectionContext,
} from "./types";

type Has<K extends keyof ProviderOperations> = Pick<ProviderOperations, K>;
type Lacks<K extends keyof ProviderOperations> = { [Op in K]?: never };

/**
 * The operations a profile's capabilities promise, each required exactly when the profile says
 * so and forbidden otherwise: a capability without its operation, or the reverse, does not compile.
 */
export type OperationsFor<C extends ProviderCapabilities> = (C["list"] extends
  "account" | "paused-and-cancelled"
  ? Has<"listBatches">
  : Lacks<"listBatches">) &
  (C["list"] extends "per-agent"
    ? Has<"listAgents" | "listAgentBatches">
    : Lacks<"listAgents" | "listAgentBatches">) &
  (C["actions"] extends readonly [] ? Lacks<"control"> : Has<"control">) &
  (C["recipients"] extends "api" ? Has<"listRecipients"> : Lacks<"listRecipients">);

type AdapterProfile = Pick<ProviderProfile<ProviderId>, "id" | "name" | "capabilities">;

type AdapterParts<Raw, Profile extends AdapterProfile> = {
  profile: Profile;
  /** The provider's raw answer (client.ts). */
  fetchBatch(batchId: string, context: FetchBatchContext): Promise<Raw>;
  /** Raw answer → our snapshot (transform.ts); pure, so it is tested with recorded payloads alone. */
  normalize(raw: Raw, context: TransformContext): BatchSnapshot;
  testConnection(context: TestConnectionContext): Promise<ConnectionTestResult>;
} & OperationsFor<Profile["capabilities"]>;

/** One adapter from a provider's client and transform: fetch, then normalise; plus its operations. */
export function defineAdapter<Raw, const Profile extends AdapterProfile>({
  profile,
  fetchBatch,
  normalize,
  testConnection,
  ...operations
}: AdapterParts<Raw, Profile>): ProviderAdapter {
  const adapter: ProviderAdapter = {
    id: profile.id,
    async getBatch(batchId, context) {
      const raw = await fetchBatch(batchId, context);
      try {
        return normalize(raw, {
          batchId,
          now: context.now,
          sendAt: context.sendAt ?? null,
          emailEvents: context.emailEvents ?? null,
        });
      } catch (error) {
        // An answer we could not read is an upstream error, counted like a bad status.
        if (error instanceof AppError && error.code === "provider_bad_response")
          context.access.observer.onError(profile.id, error.code);
        throw error;
      }
    },
    testConnection,
    ...(operations as Partial<ProviderOperations>),
  };
  const control = adapter.control;
  if (control)
    adapter.control = (batchId, action, context) =>
      offers(profile, action)
        ? control(batchId, action, context)
        : Promise.resolve(cannot(profile, action));
  return adapter;
}

function offers(profile: AdapterProfile, action: BatchAction): boolean {
  return profile.capabilities.actions.includes(action);
}

function cannot(profile: AdapterProfile, action: BatchAction) {
  return {
    kind: "refused",
    reason: "not_supported",
    message: `${profile.name} cannot ${action} a batch.`,
  } as const;
}
