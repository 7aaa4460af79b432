import { z } from "zod";
import { isLoopbackHost } from "./loopback";
import type { SimulatorOptions } from "./server";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const key = optional(z.string().trim().regex(/^\S+$/, "must not contain whitespace"));

const simEnvSchema = z.object({
  SIM_HOST: optional(
    z.string().refine(isLoopbackHost, "must be a loopback address (127.0.0.1, ::1 or localhost)"),
  ).default("127.0.0.1"),
  SIM_PORT: optional(z.coerce.number().int().min(0).max(65535)).default(4010),
  SIM_DURATION_S: optional(z.coerce.number().positive()),
  SIM_SLOW_MS: optional(z.coerce.number().int().min(0)),
  SIM_MIGMA_KEY: key,
  SIM_MINDO_KEY: key,
  SIM_BOLNA_KEY: key,
  SIM_SENDGRID_KEY: key,
  /** e.g. http://127.0.0.1:3000/api/hooks/sendgrid/env-sendgrid: the simulator posts signed events there. */
  SIM_SENDGRID_WEBHOOK_URL: optional(z.url({ protocol: /^https?$/ })),
  // A Sendboard hook URL (settings → connections → Bolna → Create hook URL) the simulator posts
  // its batches' execution webhooks to, as Bolna would.
  SIM_BOLNA_WEBHOOK_URL: optional(z.url({ protocol: /^https?$/ })),
});

/** Simulator options from SIM_* variables; throws a readable Error when one is invalid. */
export function readSimEnv(source: Record<string, string | undefined>): SimulatorOptions {
  const result = simEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Provider simulator: invalid configuration.\n${lines.join("\n")}`);
  }
  const env = result.data;
  const keys = {
    migma: env.SIM_MIGMA_KEY,
    mindo: env.SIM_MINDO_KEY,
    bolna: env.SIM_BOLNA_KEY,
    sendgrid: env.SIM_SENDGRID_KEY,
  };
  return {
    host: env.SIM_HOST,
    port: env.SIM_PORT,
    durationSeconds: env.SIM_DURATION_S,
    slowMs: env.SIM_SLOW_MS,
    bolnaWebhookUrl: env.SIM_BOLNA_WEBHOOK_URL,
    keys: Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined)),
    sendgridWebhookUrl: env.SIM_SENDGRID_WEBHOOK_URL,
  };
}
