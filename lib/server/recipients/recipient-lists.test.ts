import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import type { RecipientRow } from "@/lib/recipient-row";
import { forgetRecipientLists, MAX_LIST_ROWS, RECIPIENT_LIST_TTL_MS, recipientList } from "./recipient-lists";

const row = (n: number): RecipientRow => ({ recipient: `+3461234${String(n).padStart(4, "0")}`, status: "failed", outcome: "failure", reason: "Rate limit hit", at: null, details: {} });
// A provider with `total` rows, served `size` a page.
const pages = (total: number, size: number) =>
  vi.fn(async (cursor: string | null) => {
    const page = Number(cursor ?? 1);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, i) => row((page - 1) * size + i));
    return { items, nextCursor: page * size < total ? String(page + 1) : null, notes: [] };
  });

beforeEach(() => forgetRecipientLists());

describe("recipientList", () => {
  it("reads only as many pages as asked for, and a second reader reuses them", async () => {
    const read = pages(250, 100);
    const list = recipientList("k", read);
    await list.readUntil((rows) => rows.length > 60, 5);
    expect(read).toHaveBeenCalledTimes(1);
    await recipientList("k", read).readUntil((rows) => rows.length > 60, 5);
    expect(read).toHaveBeenCalledTimes(1);
    await list.readUntil(() => false, 5);
    expect(read).toHaveBeenCalledTimes(3);
    expect(list).toMatchObject({ complete: true, capped: false });
    expect(list.rows).toHaveLength(250);
  });

  it("shares the page in flight between readers at the same moment", async () => {
    const read = pages(100, 100);
    const list = recipientList("k", read);
    await Promise.all([list.readUntil(() => false, 5), list.readUntil(() => false, 5)]);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("stops at the caller's call limit and at MAX_LIST_ROWS, and forgets the rows after the TTL", async () => {
    const read = pages(10_000, 100);
    const list = recipientList("k", read, 0);
    await list.readUntil(() => false, 3);
    expect(read).toHaveBeenCalledTimes(3);
    await list.readUntil(() => false, 100);
    expect(list.rows).toHaveLength(MAX_LIST_ROWS);
    expect(list.capped).toBe(true);
    expect(recipientList("k", read, RECIPIENT_LIST_TTL_MS - 1)).toBe(list);
    expect(recipientList("k", read, RECIPIENT_LIST_TTL_MS).rows).toHaveLength(0);
  });

  it("hands a failed read to every reader waiting on it, and the next reader tries again", async () => {
    const busy = new AppError("provider_busy", "Try again in 5 s.", { retryAfterSeconds: 5 });
    const read = vi.fn().mockRejectedValueOnce(busy).mockResolvedValue({ items: [row(1)], nextCursor: null, notes: [] });
    const list = recipientList("k", read);
    const both = await Promise.allSettled([list.readUntil(() => false, 5), list.readUntil(() => false, 5)]);
    expect(both.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    await list.readUntil(() => false, 5);
    expect(list.rows).toHaveLength(1);
  });
});
