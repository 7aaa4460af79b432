import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { parseBody, parseId, parseQuery, parseUuid } from "./input";

const post = (body: string) =>
  new Request("http://127.0.0.1:3000/api/test", { method: "POST", body });
const schema = z.object({ name: z.string().check(z.minLength(1, "Give a name.")) });

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
