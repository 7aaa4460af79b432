import { z } from "zod/mini";
import { noControlCharacters } from "./plain-text";
import { mapProfiles } from "./providers/profiles";
import { providerIdSchema } from "./providers/provider-id";
import { REGIONS } from "./providers/region";

// Client-safe: one schema per shape, shared by the settings forms, the route handlers and the
// client's response check. A connection never carries its key, only the last characters of it.

export const CONNECTION_REGIONS = REGIONS;
export const regionSchema = z.enum(CONNECTION_REGIONS);
export type Region = z.infer<typeof regionSchema>;

/** The regions a provider offers; the server maps each to an allowlisted base URL. */
export const PROVIDER_REGIONS = mapProfiles((profile) => profile.regions);

export const REGION_LABELS = { global: "Global", eu: "EU" } as const satisfies Record<Region, string>;

export const MAX_BUDGET_PER_MINUTE = 10_000;

export const connectionSchema = z.object({
  id: z.string(),
  provider: providerIdSchema,
  name: z.string(),
  region: z.nullable(regionSchema),
  keyLastFour: z.string(),
  /** Calls per minute; null = the provider's default budget. */
  budgetPerMinute: z.nullable(z.number()),
  /** Keys from the environment: visible to every team, changed only by the operator. */
  readOnly: z.boolean(),
  /** null for environment connections, which have no creation time. */
  createdAt: z.nullable(z.string()),
  /** A provider with a signed event webhook (SendGrid): where to point it, and what it delivered so far. */
  webhook: z.optional(
    z.object({
      url: z.string(),
      publicKeySet: z.boolean(),
      batchArg: z.string(),
      lastEvent: z.nullable(z.string()),
      lastReceivedAt: z.nullable(z.string()),
      events: z.number(),
      untaggedEvents: z.number(),
    }),
  ),
});
export type Connection = z.infer<typeof connectionSchema>;

export const connectionListSchema = z.object({ items: z.array(connectionSchema) });

const nameField = z.string().check(
  z.trim(),
  z.minLength(1, "Give the connection a name."),
  z.maxLength(80, "Keep the name under 80 characters."),
  noControlCharacters(),
);
const apiKeyField = z.string().check(
  z.trim(),
  z.minLength(1, "Paste the API key."),
  z.maxLength(512, "That is too long to be an API key."),
  z.regex(/^\S+$/, "An API key has no spaces or line breaks."),
);
const budgetField = z.nullable(
  z.int().check(z.minimum(1, "The budget must be at least 1 call a minute."), z.maximum(MAX_BUDGET_PER_MINUTE)),
);

// SendGrid shows its verification key as one base64 line; a PEM copy has its header lines and breaks.
const webhookPublicKeyField = z.nullable(
  z.string().check(
    z.trim(),
    z.minLength(1, "Paste the verification key, or clear it with null."),
    z.maxLength(2_000, "That is too long to be a verification key."),
  ),
);
export const webhookBatchArgField = z.nullable(
  z.string().check(z.trim(), z.regex(/^[A-Za-z0-9_.-]{1,64}$/, "The custom arg name is 1–64 letters, digits, “_”, “.” or “-”.")),
);

// Strict: a body that tries to set anything else (a base URL, say) is refused, not ignored.
export const createConnectionSchema = z.strictObject({
  provider: providerIdSchema,
  name: nameField,
  apiKey: apiKeyField,
  region: z.optional(regionSchema),
  budgetPerMinute: z.optional(budgetField),
  /** SendGrid only: the Event Webhook's verification key, and the custom arg naming a send's batch (null: batch_id). */
  webhookPublicKey: z.optional(webhookPublicKeyField),
  webhookBatchArg: z.optional(webhookBatchArgField),
});
export type CreateConnectionInput = z.infer<typeof createConnectionSchema>;

/** Rename, replace the key, move region, change the budget or the webhook settings: any of them, at least one. */
export const updateConnectionSchema = z
  .partial(z.omit(createConnectionSchema, { provider: true }))
  .check(z.refine((patch) => Object.values(patch).some((value) => value !== undefined), "Nothing to change."));
export type UpdateConnectionInput = z.infer<typeof updateConnectionSchema>;

export const connectionTestResultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  missingScopes: z.optional(z.array(z.string())),
});
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;

/** A stored connection's UUID or an environment one's `env-<provider>`; anything else is refused early. */
export const connectionIdSchema = z.string().check(z.regex(/^(env-[a-z]+|[0-9a-f-]{36})$/, "Not a connection id."));
