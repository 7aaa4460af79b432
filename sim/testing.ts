import type { ProviderId } from "../lib/providers/provider-id";
import { SIM_KEYS } from "./scenarios";
import type { Simulator } from "./server";

// Helpers for the simulator's own tests: each provider's auth header, and JSON calls.

export const SIM_AUTH: Record<ProviderId, Record<string, string>> = {
  migma: { Authorization: `Bearer ${SIM_KEYS.migma}` },
  mindo: { "X-API-Key": SIM_KEYS.mindo },
  bolna: { Authorization: `Bearer ${SIM_KEYS.bolna}` },
  sendgrid: { Authorization: `Bearer ${SIM_KEYS.sendgrid}` },
};

export type SimAnswer = { status: number; headers: Headers; text: string; json: unknown };

export async function simCall(
  sim: Simulator,
  provider: ProviderId,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<SimAnswer> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const response = await fetch(`${sim.url}${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(init.headers ?? SIM_AUTH[provider]),
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body,
    redirect: "manual",
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
