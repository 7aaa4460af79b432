import { describe, expect, it } from "vitest";
import { tagJson } from "./etag";
import { taggedJsonResponse } from "./response";

const get = (headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/api/x", { headers });

describe("taggedJsonResponse", () => {
  it("answers every viewer of one shared body with the whole body, however many read it", async () => {
    const shared = tagJson(JSON.stringify({ name: "Rentrée — été", counts: [1, 2, 3] }));
    const first = taggedJsonResponse(get(), shared);
    const second = taggedJsonResponse(get(), shared);
    // The bytes are made once, with the tag: a Response that took them for itself would leave the next one empty.
    expect(await first.text()).toBe(shared.json);
    expect(await second.text()).toBe(shared.json);
    expect(second.headers.get("content-type")).toBe("application/json");
    expect(second.headers.get("etag")).toBe(shared.etag);
  });

  it("answers 304 with no body to a viewer that quotes the current tag", async () => {
    const shared = tagJson('{"a":1}');
    const response = taggedJsonResponse(get({ "If-None-Match": shared.etag }), shared);
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
  });
});
