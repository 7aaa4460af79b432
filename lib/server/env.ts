import "server-only";
import { z } from "zod";
import { providerEnvNames } from "@/lib/providers/env-names";
import { PROVIDER_PROFILES } from "@/lib/providers/profiles";
import { PROVIDER_IDS, type ProviderId } from "@/lib/providers/provider-id";
import { PASSWORD_MIN_LENGTH } from "@/lib/team-user";
import { parseMasterKey } from "./security/key-encryption";

// Empty strings in an env file mean "not set".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });
const budget = optional(z.coerce.number().int().min(1).max(100_000));
const apiKey = optional(z.string().trim().min(1).regex(/^\S+$/, "must not contain whitespace"));
const baseUrl = (fallback: string) => optional(httpUrl).default(fallback);

/** An origin and nothing more (no path, query or credentials), as browsers send it in `Origin`. */
const origin = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .refine((value) => {
    // Refinements run even when the URL check failed: this one must not throw on garbage.
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
  }, "must be an origin only, like https://sendboard.example.com (no path)")
  .transform((value) => new URL(value).origin);

type Names = ReturnType<typeof providerEnvNames<ProviderId>>;
type ProviderVariables = Record<Names["baseUrl"], ReturnType<typeof baseUrl>> &
  Record<Names["apiKey"], typeof apiKey> &
  Record<Names["budgetPerMinute"], typeof budget>;

/** Three variables per provider, named by its profile: every URL, then every key, then every budget. */
function providerVariables(): ProviderVariables {
  const providers = PROVIDER_IDS.map((id) => ({ names: providerEnvNames(id), defaultBaseUrl: PROVIDER_PROFILES[id].defaultBaseUrl }));
  return Object.fromEntries([
    ...providers.map(({ names, defaultBaseUrl }) => [names.baseUrl, baseUrl(defaultBaseUrl)]),
    ...providers.map(({ names }) => [names.apiKey, apiKey]),
    // Calls per minute Sendboard may spend on each environment-configured provider account.
    ...providers.map(({ names }) => [names.budgetPerMinute, budget]),
  ]) as ProviderVariables;
}

export const envSchema = z.object({
  ...providerVariables(),
  AUTH_SECRET: z.string({ message: "is required (a long random string)" }).min(32, "must be at least 32 characters"),
  ADMIN_EMAIL: z.email({ message: "must be an email address" }),
  // The same rule as an invited user's password: the environment's admin is no weaker.
  ADMIN_PASSWORD: z.string({ message: "is required" }).min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`),
  /**
   * The public origin people open. Share and invite links, the cross-site check and next-auth all
   * take it from here, never from the request's Host or X-Forwarded-Host.
   */
  APP_URL: z
    .string({ message: "is required: the origin people open, e.g. https://sendboard.example.com (on one machine: http://127.0.0.1:3000)" })
    .pipe(origin),
  /** Reverse proxies in front of the app that append to X-Forwarded-For; 0: the socket's peer is the client. */
  TRUSTED_PROXY_HOPS: optional(z.coerce.number().int().min(0).max(10)).default(0),
  /** Master key for provider keys stored in the database (AES-256-GCM): 32 bytes, hex or base64. */
  ENCRYPTION_KEY: z.string({ message: "is required (generate one with `openssl rand -hex 32`)" }).superRefine((value, ctx) => {
    try {
      parseMasterKey(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message.replace(/^ENCRYPTION_KEY /, "") });
    }
  }),
  /** Bearer token for GET /api/metrics; metrics are off without it. */
  METRICS_TOKEN: optional(z.string().min(16, "must be at least 16 characters")),
  DATA_DIR: optional(z.string().min(1)).default("./data"),
  /** postgres://… runs on PostgreSQL (several instances may share it); unset: SQLite in DATA_DIR. */
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// URL" })),
  /** Connections each instance keeps open to PostgreSQL. */
  DATABASE_POOL_SIZE: optional(z.coerce.number().int().min(1).max(100)).default(10),
  PORT: optional(z.coerce.number().int().min(1).max(65535)).default(3000),
  HOSTNAME: optional(z.string().min(1)).default("127.0.0.1"),
  /** Upper bound on one provider call; the API promises at most 10 s. */
  UPSTREAM_TIMEOUT_MS: optional(z.coerce.number().int().min(100).max(10_000)).default(10_000),
  /** Days of batch history kept (older changes are deleted; those past a day are thinned). */
  HISTORY_RETENTION_DAYS: optional(z.coerce.number().int().min(1).max(3650)).default(30),
  /** smtp(s)://user:pass@host:port for email contact points (alerts); email contact points are refused without it. */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" })),
  /** The sender address of alert emails. */
  SMTP_FROM: optional(z.email({ message: "must be an email address" })).default("sendboard@localhost"),
  /**
   * 1: contact points may point at private, loopback and link-local addresses, over plain http://
   * too. For tests and a demo on one machine; never in production.
   */
  ALERTS_ALLOW_PRIVATE_URLS: optional(z.enum(["0", "1"])).default("0"),
  /** Days the activity log (settings → activity) keeps an event. */
  AUDIT_RETENTION_DAYS: optional(z.coerce.number().int().min(1).max(3650)).default(365),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Sendboard cannot start: invalid configuration.\n${lines.join("\n")}\nSee the configuration table in README.md.`);
}

let cached: Env | undefined;

/** The validated environment; parsed once, at start-up (instrumentation.ts), then reused. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export type ProviderSettings = { baseUrl: string; apiKey: string | undefined; budgetPerMinute: number | undefined };

export function getProviderSettings(env: Env, provider: ProviderId): ProviderSettings {
  const names = providerEnvNames(provider);
  return { baseUrl: env[names.baseUrl], apiKey: env[names.apiKey], budgetPerMinute: env[names.budgetPerMinute] };
}
