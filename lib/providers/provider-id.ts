import { z } from "zod/mini";

// Client-safe: the list of providers and how people call them. Adapters live in lib/providers/<id>/.
export const PROVIDER_IDS = ["migma", "mindo", "bolna", "sendgrid"] as const;
export const providerIdSchema = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof providerIdSchema>;

export const PROVIDER_INFO = {
  migma: { name: "Migma", channel: "Email" },
  mindo: { name: "Mindo", channel: "WhatsApp" },
  bolna: { name: "Bolna", channel: "Voice calls" },
  sendgrid: { name: "SendGrid", channel: "Email" },
} as const satisfies Record<ProviderId, { name: string; channel: string }>;

export function isProviderId(value: string): value is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(value);
}
