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

/** A comma list; blanks around and between items are dropped. */
const commaList = optional(
  z
    .string()
    .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.string()).min(1, "must name at least one value")),
);
const domainList = optional(
  z
    .string()
    .transform((value) => value.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be domains like example.com, separated by commas")).min(1, "must name at least one domain")),
);

// Single sign-on (OpenID Connect). The three first turn it on together; the rest refine it.
const ssoVariables = {
  OIDC_ISSUER: optional(httpUrl.transform((value) => value.replace(/\/+$/, ""))),
  OIDC_CLIENT_ID: optional(z.string().trim().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  /** The sign-in button's label: "Sign in with {OIDC_NAME}". */
  OIDC_NAME: optional(z.string().trim().min(1).max(40)),
  OIDC_ALLOWED_DOMAINS: domainList,
  OIDC_ROLE_CLAIM: optional(z.string().trim().regex(/^[A-Za-z0-9_.:/-]{1,100}$/, "must be a claim name such as groups")),
  OIDC_ADMIN_VALUES: commaList,
  OIDC_OPERATOR_VALUES: commaList,
  /** The team (its id or name) new people join; unset: the ADMIN_EMAIL admin's team. */
  OIDC_TEAM: optional(z.string().trim().min(1)),
  /** off: only the ADMIN_EMAIL recovery account may sign in with a password. */
  PASSWORD_SIGN_IN: optional(z.enum(["on", "off"], { message: "must be on or off" })).default("on"),
};

const SSO_SWITCHES = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
const SSO_REFINEMENTS = ["OIDC_NAME", "OIDC_ALLOWED_DOMAINS", "OIDC_ROLE_CLAIM", "OIDC_ADMIN_VALUES", "OIDC_OPERATOR_VALUES", "OIDC_TEAM"] as const;

/** All three or none; the refinements mean nothing without them, the role values nothing without a claim. */
function checkSsoVariables(env: Partial<Record<(typeof SSO_SWITCHES | typeof SSO_REFINEMENTS)[number], unknown>>, ctx: z.RefinementCtx): void {
  const set = SSO_SWITCHES.filter((name) => env[name] !== undefined);
  if (set.length > 0 && set.length < SSO_SWITCHES.length) {
    for (const name of SSO_SWITCHES.filter((name) => env[name] === undefined)) {
      ctx.addIssue({ code: "custom", path: [name], message: `is required with ${set.join(", ")} (single sign-on needs all three)` });
    }
  }
  if (set.length === 0) {
    for (const name of SSO_REFINEMENTS.filter((name) => env[name] !== undefined)) {
      ctx.addIssue({ code: "custom", path: [name], message: "is set but single sign-on is off: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too" });
    }
  }
  if (env.OIDC_ROLE_CLAIM === undefined) {
    for (const name of ["OIDC_ADMIN_VALUES", "OIDC_OPERATOR_VALUES"] as const) {
      if (env[name] !== undefined) ctx.addIssue({ code: "custom", path: [name], message: "needs OIDC_ROLE_CLAIM, the claim its values are read from" });
    }
  }
}

const baseEnvSchema = z.object({
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
  /** The environment's SendGrid connection: the Event Webhook's verification key, as SendGrid shows it (base64). */
  SENDGRID_WEBHOOK_PUBLIC_KEY: optional(z.string().trim().min(1)),
  /** The custom arg that names a send's batch in its events; default batch_id. */
  SENDGRID_WEBHOOK_BATCH_ARG: optional(z.string().trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1–64 letters, digits, “_”, “.” or “-”")).default("batch_id"),
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
  ...ssoVariables,
});

export const envSchema = baseEnvSchema.superRefine((env, ctx) => {
  checkSsoVariables(env, ctx);
  if (env.PASSWORD_SIGN_IN === "off" && env.OIDC_ISSUER === undefined) {
    ctx.addIssue({ code: "custom", path: ["PASSWORD_SIGN_IN"], message: "can be off only with single sign-on configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)" });
  }
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
