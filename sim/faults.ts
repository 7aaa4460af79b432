import type { SimContext } from "./context";
import type { ScenarioName } from "./scenarios";
import { sendJson, sendText, sleep } from "./respond";

/** How one provider fails: its own bodies for each fault scenario. */
export type FaultStyle = {
  serverError: unknown;
  rateLimited: unknown;
  wrongTypes: unknown;
  /** The body a healthy answer would have had; fault-invalid-json sends half of it. */
  validBody: () => unknown;
};

// What a reverse proxy in front of any of these APIs answers when the app behind it is down.
const BAD_GATEWAY_HTML = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

/**
 * Answers a fault scenario and returns true, or returns false when the request should go on
 * normally: for other scenarios, and for fault-slow once its delay has passed.
 */
export async function answerFault(
  ctx: SimContext,
  scenario: ScenarioName | undefined,
  style: FaultStyle,
): Promise<boolean> {
  const { res } = ctx;
  switch (scenario) {
    case "fault-500":
      sendJson(res, 500, style.serverError);
      return true;
    case "fault-502-html":
      sendText(res, 502, "text/html", BAD_GATEWAY_HTML);
      return true;
    case "fault-invalid-json": {
      const text = JSON.stringify(style.validBody());
      sendText(res, 200, "application/json", text.slice(0, Math.floor(text.length / 2)));
      return true;
    }
    case "fault-wrong-types":
      sendJson(res, 200, style.wrongTypes);
      return true;
    case "fault-429":
      // A provider that advertises its budget shows it spent.
      if (res.hasHeader("X-RateLimit-Remaining")) res.setHeader("X-RateLimit-Remaining", "0");
      sendJson(res, 429, style.rateLimited, { "Retry-After": "5" });
      return true;
    case "fault-slow":
      await sleep(ctx.slowMs, ctx.signal);
      return ctx.signal.aborted;
    default:
      return false;
  }
}
