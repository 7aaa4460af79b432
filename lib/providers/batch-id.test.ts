import { describe, expect, it } from "vitest";
import { batchIdPlaceholder, checkBatchId } from "./batch-id";
import { PROVIDER_IDS } from "./provider-id";

describe("checkBatchId", () => {
  it.each([
    ["migma", "b_9f8e7d6c-5b4a"],
    ["mindo", "a3f2b8c9-4d5e-6f7a-8b9c-0d1e2f3a4b5c"],
    ["bolna", "3c90c3cc0d444b5088888dd25736052a"],
    ["bolna", "d12abbbe-d16d-4a2b-9c3e-0a1b2c3d4e5f"],
    ["sendgrid", "MWQ4ODk0ZmQtNTkzNy0xMWVhLWI5NzItMDI0MmFjMTEwMDAyLTg5NDA5ZTZlYg"],
  ] as const)("accepts a valid %s id", (provider, id) => {
    expect(checkBatchId(provider, id)).toEqual({ ok: true, batchId: id });
  });

  it.each(["a/b", "..", "a%2Fb", "a\nb", "a\u0000b", "\u0000a", "a b", "x".repeat(129), "", "  "])(
    "rejects %j for every provider",
    (id) => {
      for (const provider of ["migma", "mindo", "bolna", "sendgrid"] as const) {
        expect(checkBatchId(provider, id).ok).toBe(false);
      }
    },
  );

  it.each([
    ["migma", " b_9f8e7d6c-5b4a "],
    ["mindo", "\ta3f2b8c9-4d5e-6f7a-8b9c-0d1e2f3a4b5c\n"],
    ["bolna", "  3c90c3cc0d444b5088888dd25736052a"],
  ] as const)("trims the whitespace a paste brings around a %s id before checking it", (provider, id) => {
    expect(checkBatchId(provider, id)).toEqual({ ok: true, batchId: id.trim() });
  });

  it("explains the expected shape", () => {
    const result = checkBatchId("mindo", "123");
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("UUID") });
  });

  it.each(PROVIDER_IDS)("offers a %s placeholder that its own rule accepts", (provider) => {
    const example = batchIdPlaceholder(provider).replace(/^e\.g\. /, "");
    expect(checkBatchId(provider, example)).toEqual({ ok: true, batchId: example });
  });
});
