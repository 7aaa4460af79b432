import { expect } from "@playwright/test";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import type { ProviderId } from "../../lib/providers/provider-id";
import { E2E } from "./settings";

export type BoardBatchSpec = { provider: ProviderId; batchId: string; label?: string };

const run = Date.now().toString(36);
let counter = 0;

/** Board names unique across the specs of one run, which share one database. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix} ${run}-${counter}`;
}

export const FOUR_PROVIDERS: BoardBatchSpec[] = [
  { provider: "migma", batchId: E2E.ids.migma.running, label: "Newsletter" },
  { provider: "mindo", batchId: E2E.ids.mindo.running, label: "WhatsApp reminders" },
  { provider: "bolna", batchId: E2E.ids.bolna.running, label: "Voice calls" },
  { provider: "sendgrid", batchId: E2E.ids.sendgrid.scheduled, label: "Scheduled email" },
];

export async function createBoardViaApi(
  request: APIRequestContext,
  name: string,
  batches: BoardBatchSpec[],
): Promise<string> {
  const response = await request.post("/api/boards", { data: { name, batches } });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { id: string };
  expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
  return body.id;
}

export async function createShareLinkViaApi(
  request: APIRequestContext,
  boardId: string,
  options: { expiresInHours?: number; frameOrigin?: string } = {},
) {
  const response = await request.post(`/api/boards/${boardId}/share-links`, { data: options });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { id: string; url: string };
  const token = body.url.split("/s/")[1] ?? "";
  return { ...body, token };
}

export function cardOf(page: Page, provider: ProviderId, batchId: string): Locator {
  return page.locator(
    `[data-testid="board-card"][data-provider="${provider}"][data-batch-id="${batchId}"]`,
  );
}

export async function processedOf(card: Locator): Promise<number> {
  return Number((await card.getByTestId("batch-processed").getAttribute("data-value")) ?? "NaN");
}
