import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";
import { E2E } from "./settings";
import { createBoardViaApi, createShareLinkViaApi, FOUR_PROVIDERS, uniqueName } from "./boards";

export type VisitedPage = {
  name: string;
  path: string;
  /** What shows once the page has its content, so checks see the real page, not a loading one. */
  ready: string;
  signedOut?: boolean;
};

/** Every page of the app once, with the data it needs, for checks that hold on every page. */
export async function everyPage(request: APIRequestContext): Promise<VisitedPage[]> {
  // A name longer than a phone is wide: every list, title and card must cut it, not widen the page.
  const boardId = await createBoardViaApi(
    request,
    uniqueName("Every page: the spring newsletter, WhatsApp reminders and voice calls"),
    FOUR_PROVIDERS,
  );
  const { token } = await createShareLinkViaApi(request, boardId);
  const watched = await request.post("/api/watched", {
    data: { provider: "migma", batchId: E2E.ids.migma.running },
  });
  expect([201, 409]).toContain(watched.status());
  const invite = await request.post("/api/users", {
    data: {
      email: `${uniqueName("invitee").replace(/\W+/g, "-")}@e2e.test`,
      name: "Invitee",
      role: "member",
    },
  });
  expect(invite.status()).toBe(201);
  const { inviteUrl } = (await invite.json()) as { inviteUrl: string };
  return [
    {
      name: "watched list",
      path: "/",
      ready: '[data-testid="watched-row"] [data-testid="batch-state"]',
    },
    { name: "boards", path: "/boards", ready: '[data-testid="board-row"]' },
    {
      name: "board",
      path: `/boards/${boardId}`,
      ready: '[data-testid="board-card"] [data-testid="batch-state"]',
    },
    {
      name: "wall",
      path: `/boards/${boardId}/wall`,
      ready: '[data-testid="board-card"] [data-testid="batch-state"]',
    },
    {
      name: "share link",
      path: `/s/${token}`,
      ready: '[data-testid="board-card"] [data-testid="batch-state"]',
      signedOut: true,
    },
    { name: "batch", path: `/batches/migma/${E2E.ids.migma.running}`, ready: ".recharts-surface" },
    {
      name: "unknown batch",
      path: "/batches/bolna/ffffffffffffffffffffffffffffffff",
      ready: '[data-testid="batch-error"]',
    },
    { name: "connections", path: "/settings/connections", ready: '[data-testid="connection-row"]' },
    { name: "people", path: "/settings/users", ready: '[data-testid="user-row"]' },
    { name: "API tokens", path: "/settings/tokens", ready: '[data-testid="create-api-token-form"]' },
    { name: "alerts", path: "/settings/alerts", ready: '[data-testid="add-contact-point-form"]' },
    { name: "not found", path: "/no-such-page", ready: '[data-testid="page-not-found"]' },
    { name: "sign in", path: "/signin", ready: "form", signedOut: true },
    { name: "sso refused", path: "/signin/refused?reason=domain", ready: '[data-testid="signin-refused"]', signedOut: true },
    { name: "invite", path: new URL(inviteUrl).pathname, ready: "form", signedOut: true },
  ];
}
