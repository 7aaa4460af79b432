import { expect, test } from "@playwright/test";
import type { Browser, Page } from "@playwright/test";
import { E2E } from "./support/settings";
import { createBoardViaApi, createShareLinkViaApi, uniqueName } from "./support/boards";
import { startFrameHost } from "./support/frame-host";
import type { FrameHost } from "./support/frame-host";

let host: FrameHost;
test.beforeAll(async () => {
  host = await startFrameHost();
});
test.afterAll(async () => host.close());

function frameAncestorsOf(csp: string | undefined): string[] {
  return (csp ?? "")
    .split(";")
    .map((directive) => directive.trim())
    .filter((directive) => directive.startsWith("frame-ancestors"));
}

/** A visitor of the other site: never signed in to Sendboard. */
async function visitorPage(browser: Browser): Promise<{ page: Page; refusals: string[] }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
  });
  return { page, refusals };
}

async function createBoard(request: Parameters<typeof createBoardViaApi>[0], prefix: string) {
  const name = uniqueName(prefix);
  const id = await createBoardViaApi(request, name, [
    { provider: "migma", batchId: E2E.ids.migma.completed },
  ]);
  return { id, name };
}

test("a link that opts in renders inside an iframe on its one origin", async ({
  browser,
  request,
}) => {
  const board = await createBoard(request, "Framed");
  const link = await createShareLinkViaApi(request, board.id, { frameOrigin: host.origin });
  const listed = (await (await request.get(`/api/boards/${board.id}/share-links`)).json()) as {
    items: Array<{ id: string; frameOrigin: string | null }>;
  };
  expect(listed.items).toEqual([
    expect.objectContaining({ id: link.id, frameOrigin: host.origin }),
  ]);

  const direct = await request.get(link.url);
  expect(frameAncestorsOf(direct.headers()["content-security-policy"])).toEqual([
    `frame-ancestors ${host.origin}`,
  ]);
  expect(direct.headers()["referrer-policy"]).toBe("no-referrer");

  const { page, refusals } = await visitorPage(browser);
  await page.goto(host.pageFor(link.token));
  const wall = page.frameLocator("iframe");
  await expect(wall.getByTestId("wall-screen")).toBeVisible();
  await expect(wall.getByTestId("wall-title")).toHaveText(board.name);
  await expect(wall.getByTestId("board-card")).toHaveCount(1);
  expect(refusals).toEqual([]);
  await page.context().close();

  // Revoked: the next page load may not be framed anywhere.
  expect((await request.delete(`/api/share-links/${link.id}`)).status()).toBe(204);
  const revoked = await request.get(link.url);
  expect(frameAncestorsOf(revoked.headers()["content-security-policy"])).toEqual([
    "frame-ancestors 'none'",
  ]);
});

test("a link without opt-in, or opted in for another origin, is not framed", async ({
  browser,
  request,
}) => {
  const board = await createBoard(request, "Not framed");
  const plain = await createShareLinkViaApi(request, board.id);
  const elsewhere = await createShareLinkViaApi(request, board.id, {
    frameOrigin: "https://intranet.example.com",
  });
  for (const [link, expected] of [
    [plain, "frame-ancestors 'none'"],
    [elsewhere, "frame-ancestors https://intranet.example.com"],
  ] as const) {
    const { page, refusals } = await visitorPage(browser);
    const answered = page.waitForResponse((response) => response.url() === link.url);
    await page.goto(host.pageFor(link.token));
    const response = await answered;
    expect(frameAncestorsOf(response.headers()["content-security-policy"])).toEqual([expected]);
    // The page's load waits for its frame: by then a framed wall would have rendered.
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { name: "Intranet" })).toBeVisible();
    await expect(page.frameLocator("iframe").getByTestId("wall-screen")).toHaveCount(0);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    await page.context().close();
  }
});

test("the board page sets and lists the embedding origin", async ({ page, request }) => {
  const board = await createBoard(request, "Framing UI");
  await page.goto(`/boards/${board.id}`);
  const panel = page.getByTestId("share-links-panel");
  const field = panel.getByLabel("Allow embedding on (origin)");
  await field.fill("http://intranet.example.com");
  await panel.getByRole("button", { name: "Create link" }).click();
  await expect(panel.getByTestId("frame-origin-error")).toContainText("https://");
  await expect(panel.getByTestId("share-link-row")).toHaveCount(0);

  await field.fill("https://Intranet.example.com/");
  await panel.getByRole("button", { name: "Create link" }).click();
  await expect(panel.getByTestId("share-link-url")).toHaveValue(/\/s\/[A-Za-z0-9_-]{43}$/);
  await expect(panel.getByTestId("share-link-frame-origin")).toHaveText(
    "https://intranet.example.com",
  );
});
