import { describe, expect, it } from "vitest";
import { recipientRowSchema } from "@/lib/recipient-row";
import docsMessages from "./fixtures/docs-messages.json";
import failures from "./fixtures/messages-failures.json";
import { normalizeMindoMessagePage } from "./recipients-transform";

const read = (raw: unknown, page = 1, pageSize = 20) =>
  normalizeMindoMessagePage(raw, { page, pageSize });

describe("normalizeMindoMessagePage", () => {
  it("reads the docs' example verbatim, without the variables (names, codes) it carries", () => {
    const result = read(docsMessages);
    expect(result).toEqual({
      items: [
        {
          recipient: "+5491112345678",
          status: "delivered",
          outcome: "success",
          reason: null,
          at: "2025-11-16T21:30:15.000Z",
          details: {
            messageId: "1001",
            whatsappMessageId: "wamid.HBgLNTU0MTE2NzU0Nzg1FQIAERgS...",
            sentAt: "2025-11-16T21:30:10.000Z",
            deliveredAt: "2025-11-16T21:30:15.000Z",
          },
        },
        {
          recipient: "+5491187654321",
          status: "read",
          outcome: "success",
          reason: null,
          at: "2025-11-16T21:30:30.000Z",
          details: {
            messageId: "1002",
            whatsappMessageId: "wamid.HBgLNTU0MTE2NzU0Nzg1FQIAERgT...",
            sentAt: "2025-11-16T21:30:18.000Z",
            deliveredAt: "2025-11-16T21:30:23.000Z",
            readAt: "2025-11-16T21:30:30.000Z",
          },
        },
        {
          recipient: "+5491199887766",
          status: "sent",
          outcome: "success",
          reason: null,
          at: "2025-11-16T21:30:26.000Z",
          details: {
            messageId: "1003",
            whatsappMessageId: "wamid.HBgLNTU0MTE2NzU0Nzg1FQIAERgU...",
            sentAt: "2025-11-16T21:30:26.000Z",
          },
        },
      ],
      hasMore: false,
      notes: [],
    });
    expect(JSON.stringify(result)).not.toContain("Juan Perez");
  });

  it("gives a failure its WhatsApp error as the reason, matches the status without case, keeps an unknown one", () => {
    const result = read(failures, 1, 4);
    expect(result.items.map(({ status, outcome, reason }) => [status, outcome, reason])).toEqual([
      ["failed", "failure", "Message undeliverable"],
      ["FAILED", "failure", "Re-engagement message"],
      ["deleted", "active", null],
    ]);
    // 2025-11-31 does not exist: the row keeps its send time
    expect(result.items[2]?.at).toBe("2025-11-20T09:01:03.000Z");
    expect(result.items[2]?.details).not.toHaveProperty("deliveredAt");
    expect(result.notes).toEqual(["1 message on this page could not be read and is left out."]);
    expect(result.hasMore).toBe(true);
    expect(JSON.stringify(result)).not.toContain("Lucía");
  });

  it("produces rows the shared schema accepts", () => {
    for (const raw of [docsMessages, failures]) {
      for (const row of read(raw).items)
        expect(recipientRowSchema.safeParse(row).success).toBe(true);
    }
  });

  it("rejects a body that is not a page", () => {
    expect(() => read({ detail: "Not found." })).toThrow(
      expect.objectContaining({ code: "provider_bad_response" }),
    );
  });
});
