import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendJson, startFakeUpstream } from "../testing/fake-upstream";
import type { FakeUpstream } from "../testing/fake-upstream";
import { describeOperationFailures, operationError } from "../testing/operation-failure-cases";
import { contextFor, expectSafeError } from "../testing/upstream-failure-cases";
import docs404 from "./fixtures/docs-404.json";
import docsList from "./fixtures/docs-bulk-send-list.json";
import docsMessages from "./fixtures/docs-messages.json";
import invalidPage from "./fixtures/drf-invalid-page-404.json";
import foreignNext from "./fixtures/bulk-send-list-foreign-next.json";
import { mindoAdapter } from "./index";

const API_KEY = "mindo_sendboardsim";
const BATCH_ID = "c5d4e0f1-6a7b-4c8d-9e0f-2a3b4c5d6e7f";
const LIST = "/api/v1/meta-templates/bulk-sends/";
const MESSAGES = `${LIST}${BATCH_ID}/messages/`;
const { listBatches, listRecipients } = mindoAdapter;
if (!listBatches || !listRecipients) throw new Error("Mindo lists bulk sends and their messages");

const emptyPage = { count: 0, next: null, previous: null, results: [] };

describe("mindo list and recipient calls", () => {
  let upstream: FakeUpstream;
  const context = () => contextFor(upstream, API_KEY);
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());
  beforeEach(() => {
    upstream.requests.length = 0;
    upstream.reply((request, response) =>
      sendJson(response, 200, request.url?.includes("/messages/") ? docsMessages : docsList),
    );
  });
  const urls = () => upstream.requests.map((request) => `${request.method} ${request.url}`);

  it("GETs the list with its slash, the page and page size, and only the X-API-Key header", async () => {
    const page = await listBatches({}, context());
    expect(urls()).toEqual([`GET ${LIST}?page=1&page_size=20`]);
    const [request] = upstream.requests;
    expect(request?.headers["x-api-key"]).toBe(API_KEY);
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers.cookie).toBeUndefined();
    expect(page.items).toHaveLength(2);
  });

  it("sends a state as Mindo's uppercase status, and a cursor and page size as asked", async () => {
    await listBatches({ status: "running", cursor: "3", pageSize: 500 }, context());
    expect(urls()).toEqual([`GET ${LIST}?status=PROCESSING&page=3&page_size=100`]);
  });

  it("lists a state Mindo has no status for unfiltered, then keeps only that state", async () => {
    const page = await listBatches({ status: "paused" }, context());
    expect(urls()).toEqual([`GET ${LIST}?page=1&page_size=20`]);
    expect(page.items).toEqual([]);
  });

  it("follows a foreign `next` by page number on its own host, never to the URL", async () => {
    upstream.reply((_q, r) => sendJson(r, 200, foreignNext));
    const first = await listBatches({}, context());
    expect(first.nextCursor).toBe("2");
    await listBatches({ cursor: first.nextCursor }, context());
    expect(urls()).toEqual([`GET ${LIST}?page=1&page_size=20`, `GET ${LIST}?page=2&page_size=20`]);
  });

  it("reads DRF's 'Invalid page.' 404 as the end of the list", async () => {
    upstream.reply((_q, r) => sendJson(r, 404, invalidPage));
    expect(await listBatches({ cursor: "9" }, context())).toEqual({
      items: [],
      nextCursor: null,
      notes: [],
    });
  });

  it("refuses a cursor it did not make without calling Mindo", async () => {
    for (const cursor of ["https://api.mindosoftware.com/?page=2", "0", "2.1", "-1"]) {
      const error = await operationError((c) => listBatches({ cursor }, c), context());
      expectSafeError(error, "bad_request", API_KEY);
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it("GETs one status at a time for failures", async () => {
    await listRecipients(BATCH_ID, { outcome: "failure" }, context());
    expect(urls()).toEqual([`GET ${MESSAGES}?status=failed&page=1&page_size=20`]);
  });

  it("reads successes as sent, delivered and read in turn, skipping an empty status in the same call", async () => {
    upstream.reply((request, response) =>
      sendJson(
        response,
        200,
        request.url?.includes("status=sent") ? emptyPage : { ...docsMessages, next: null },
      ),
    );
    const first = await listRecipients(BATCH_ID, { outcome: "success", pageSize: 3 }, context());
    expect(urls()).toEqual([
      `GET ${MESSAGES}?status=sent&page=1&page_size=3`,
      `GET ${MESSAGES}?status=delivered&page=1&page_size=3`,
    ]);
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe("2.1");
    const second = await listRecipients(
      BATCH_ID,
      { outcome: "success", cursor: first.nextCursor, pageSize: 3 },
      context(),
    );
    expect(urls().at(-1)).toBe(`GET ${MESSAGES}?status=read&page=1&page_size=3`);
    expect(second.nextCursor).toBeNull();
  });

  it("lists every message unfiltered, and pending ones not at all (without a call)", async () => {
    await listRecipients(BATCH_ID, {}, context());
    expect(urls()).toEqual([`GET ${MESSAGES}?page=1&page_size=20`]);
    const pending = await listRecipients(BATCH_ID, { outcome: "pending" }, context());
    expect(pending).toMatchObject({ items: [], nextCursor: null });
    expect(pending.notes[0]).toMatch(/only once it has been sent/);
    expect(upstream.requests).toHaveLength(1);
  });

  it("maps the documented 404 for an unknown bulk send to not_found", async () => {
    upstream.reply((_q, r) => sendJson(r, 404, docs404));
    expectSafeError(
      await operationError((c) => listRecipients(BATCH_ID, {}, c), context()),
      "not_found",
      API_KEY,
    );
  });
});

describeOperationFailures({
  provider: "mindo",
  apiKey: API_KEY,
  operations: [
    { name: "listBatches", run: (context) => listBatches({}, context), readsBody: true },
    {
      name: "listRecipients",
      run: (context) => listRecipients(BATCH_ID, { outcome: "failure" }, context),
      readsBody: true,
    },
  ],
});
