import "server-only";
import type { AlertMessage } from "@/lib/alerts";
import { factsOf, headlineOf } from "./messages";

// Block Kit (https://api.slack.com/block-kit): a header, the facts as section fields, and a
// button to the batch page. `text` is the fallback notifications and old clients show.
export function slackPayloadOf(message: AlertMessage) {
  const headline = headlineOf(message);
  return {
    text: `${headline} · ${message.batch.url}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: headline.slice(0, 150), emoji: false } },
      {
        type: "section",
        fields: factsOf(message).map(([label, value]) => ({ type: "mrkdwn", text: `*${label}*\n${escapeMrkdwn(value)}` })),
      },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: "Open the batch" }, url: message.batch.url }],
      },
      { type: "context", elements: [{ type: "mrkdwn", text: `Sendboard · ${message.type} · alert ${message.alertId}` }] },
    ],
  };
}

// Slack reads &, < and > as markup; a batch name must show as written.
function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
