import { describe, expect, it } from "vitest";
import type { AlertMessage } from "@/lib/alerts";
import { blockKitProblems } from "@/scripts/lib/alert-receivers";
import { slackPayloadOf } from "./slack-message";

const message = (overrides: Partial<AlertMessage> = {}): AlertMessage => ({
  type: "alert.firing",
  alertId: "a-1",
  rule: { id: "r-1", kind: "failure_share" },
  batch: { provider: "mindo", batchId: "m-1", name: "Promo <b>&</b> more", state: "running", processed: 500, total: 2000, failed: 90, url: "https://sendboard.example.com/batches/mindo/m-1" },
  at: "2026-12-02T12:00:00.000Z",
  ...overrides,
});

describe("slackPayloadOf", () => {
  it("is valid Block Kit: fallback text, a header, the facts as fields and a button to the batch page", () => {
    const payload = slackPayloadOf(message());
    expect(blockKitProblems(payload)).toEqual([]);
    expect(payload.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Promo <b>&</b> more has too many failures", emoji: false } });
    const fields = (payload.blocks[1] as { fields: Array<{ text: string }> }).fields.map((field) => field.text);
    expect(fields).toEqual([
      "*Batch*\nPromo &lt;b&gt;&amp;&lt;/b&gt; more (m-1)",
      "*Provider*\nMindo",
      "*State*\nrunning",
      "*Counts*\n500 processed, 90 failed",
      "*Progress*\n500 of 2,000 (25%)",
    ]);
    expect(payload.blocks[2]).toMatchObject({ type: "actions", elements: [{ type: "button", url: "https://sendboard.example.com/batches/mindo/m-1" }] });
  });

  it("says when an incident is resolved, and keeps a long name's header within Slack's 150 characters", () => {
    expect(slackPayloadOf(message({ type: "alert.resolved" })).text).toMatch(/^Resolved: Promo <b>&<\/b> more is no longer over the failure threshold/);
    const long = slackPayloadOf(message({ batch: { ...message().batch, name: "x".repeat(400) } }));
    expect(blockKitProblems(long)).toEqual([]);
  });
});
