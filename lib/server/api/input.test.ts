import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { DEFAULT_BODY_LIMIT_BYTES, parseBody, parseId, parseQuery, parseUuid } from "./input";

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://127.0.0.1:3000/api/test", { method: "POST", body, headers, duplex: "half" } as RequestInit);
const schema = z.strictObject({ name: z.string().check(z.minLength(1, "Give a name.")) });

/** A 4 MB body of spaces that counts what was pulled from it: proof of how much was read. */
function endlessBody(chunkBytes: number, totalBytes = 4 * 1024 * 1024) {
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, sent: () => sent, cancelled: () => cancelled };
}

describe("the input module", () => {
  it("reads a JSON body and names the first problem, or says the hint", async () => {
    expect(await parseBody(post('{"name":"x"}'), schema)).toEqual({ name: "x" });
    await expect(parseBody(post("{"), schema)).rejects.toMatchObject({
      code: "bad_request",
      message: "The request body must be JSON.",
    });
    await expect(parseBody(post('{"name":""}'), schema)).rejects.toMatchObject({
      code: "bad_request",
      message: "name: Give a name.",
    });
    await expect(parseBody(post('{"name":""}'), schema, "Name it.")).rejects.toMatchObject({
      message: "Name it.",
    });
  });

  it("names an unknown field, even where a hint replaces the other messages", async () => {
    await expect(parseBody(post('{"name":"x","padding":"aaa"}'), schema, "Name it.")).rejects.toMatchObject({
      code: "bad_request",
      message: 'Unknown field "padding".',
    });
    const nested = z.strictObject({ items: z.array(z.strictObject({ id: z.string() })) });
    await expect(parseBody(post('{"items":[{"id":"a","extra":1}]}'), nested)).rejects.toMatchObject({
      message: 'items.0: Unknown field "extra".',
    });
  });

  it("refuses any other content type with 415, before reading the body", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp"]) {
      const body = endlessBody(1024);
      await expect(parseBody(post(body.stream, { "content-type": type }), schema), type).rejects.toMatchObject({
        code: "unsupported_media_type",
        status: 415,
      });
      expect(body.sent()).toBeLessThanOrEqual(1024);
    }
    await expect(parseBody(post('{"name":"x"}', {}), schema)).rejects.toMatchObject({ code: "unsupported_media_type" });
    expect(await parseBody(post('{"name":"x"}', { "content-type": "Application/JSON; charset=utf-8" }), schema)).toEqual({ name: "x" });
  });

  it("refuses a body over 64 KB with 413: by its Content-Length at once, else as soon as the stream passes the cap", async () => {
    const declared = endlessBody(1024);
    await expect(
      parseBody(post(declared.stream, { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) }), schema),
    ).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    expect(declared.sent()).toBeLessThanOrEqual(1024);

    const streamed = endlessBody(16 * 1024);
    await expect(parseBody(post(streamed.stream), schema)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(streamed.sent()).toBeLessThanOrEqual(DEFAULT_BODY_LIMIT_BYTES + 2 * 16 * 1024);
    await expect.poll(() => streamed.cancelled()).toBe(true);

    const padded = JSON.stringify({ name: "x".repeat(DEFAULT_BODY_LIMIT_BYTES) });
    await expect(parseBody(post(padded), schema)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(await parseBody(post(padded), schema, { maxBytes: 2 * DEFAULT_BODY_LIMIT_BYTES })).toMatchObject({ name: expect.any(String) });
  });

  it("never echoes the value it refuses", async () => {
    const secret = z.object({ apiKey: z.string().check(z.maxLength(3)) });
    const error = await parseBody(post('{"apiKey":"sk_live_secret"}'), secret).catch(
      (caught: unknown) => caught,
    );
    expect(String((error as Error).message)).not.toContain("sk_live_secret");
  });

  it("answers 404 for a malformed id, as for an unknown one", () => {
    expect(() => parseUuid("../etc", "board")).toThrow(
      expect.objectContaining({ code: "not_found", message: "This board does not exist." }),
    );
    expect(parseUuid("1b4e28ba-2fa1-11d2-883f-0016d3cca427", "board")).toBe(
      "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    );
    const connectionId = z.string().check(z.regex(/^env-[a-z]+$/));
    expect(() => parseId("nope", connectionId, "connection")).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
  });

  it("reads the first value of each query parameter", () => {
    const query = z.object({ connection: z.optional(z.string()) });
    expect(parseQuery(new URL("http://x/a?connection=one&connection=two"), query)).toEqual({
      connection: "one",
    });
    expect(parseQuery(new URL("http://x/a"), query)).toEqual({});
  });
});
