// Real receivers on loopback for alert messages: a webhook that checks Sendboard-Signature, a
// Slack-shaped incoming webhook that checks the Block Kit shape, and an SMTP server that reads
// the mail. Used by the tests and the demo (which prints what arrives).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedWebhook = { path: string; headers: IncomingMessage["headers"]; body: string; json: unknown; verified: boolean };
export type ReceivedSlack = { path: string; json: unknown; problems: string[] };
export type ReceivedMail = { from: string; to: string[]; raw: string; subject: string; alertId: string | null; alertType: string | null };

export type Receiver<T> = { url: string; received: T[]; close: () => Promise<void> };

/** How far a signature's time may be from now before it counts as a replay. */
const SIGNATURE_TOLERANCE_S = 300;

/** Verifies `t=<unix>,v1=<hex HMAC-SHA256 of "t.body">` as a receiver should: in constant time, with a replay window. */
export function verifySendboardSignature(secret: string, header: string | undefined, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((part) => part.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_S || typeof parts.v1 !== "string") return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type Respond = (count: number) => number;

function listen(handle: (request: IncomingMessage, body: string) => number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = handle(request, Buffer.concat(chunks).toString("utf8"));
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "no");
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** `secret()` is read per request: the secret is known only once the contact point exists. `respond` picks each answer's status (default 200). */
export async function startWebhookReceiver(secret: () => string | null, respond: Respond = () => 200): Promise<Receiver<ReceivedWebhook>> {
  const received: ReceivedWebhook[] = [];
  const server = await listen((request, body) => {
    const key = secret();
    const header = request.headers["sendboard-signature"];
    const verified = key !== null && verifySendboardSignature(key, typeof header === "string" ? header : undefined, body);
    received.push({ path: request.url ?? "/", headers: request.headers, body, json: parseJson(body), verified });
    return verified ? respond(received.length) : 401;
  });
  return { url: `${server.url}/hooks/sendboard`, received, close: server.close };
}

/** What Slack would refuse or show badly: a message without fallback text, header, fields or a link. */
export function blockKitProblems(json: unknown): string[] {
  const problems: string[] = [];
  const message = json as { text?: unknown; blocks?: Array<{ type?: string; text?: { type?: string; text?: unknown }; fields?: Array<{ type?: string; text?: unknown }>; elements?: Array<{ type?: string; url?: unknown }> }> };
  if (typeof message?.text !== "string" || message.text === "") problems.push("no fallback text");
  if (!Array.isArray(message?.blocks) || message.blocks.length === 0 || message.blocks.length > 50) return [...problems, "no blocks"];
  const types = new Set(["header", "section", "actions", "context", "divider"]);
  for (const block of message.blocks) if (!types.has(block.type ?? "")) problems.push(`unknown block ${String(block.type)}`);
  const header = message.blocks.find((block) => block.type === "header");
  if (header?.text?.type !== "plain_text" || typeof header.text.text !== "string" || header.text.text.length > 150) problems.push("no plain_text header ≤ 150");
  const fields = message.blocks.find((block) => block.type === "section")?.fields ?? [];
  if (fields.length === 0 || fields.length > 10 || fields.some((field) => field.type !== "mrkdwn" || typeof field.text !== "string")) problems.push("section fields not 1–10 mrkdwn texts");
  const button = message.blocks.flatMap((block) => (block.type === "actions" ? (block.elements ?? []) : [])).find((element) => element.type === "button");
  if (typeof button?.url !== "string" || !URL.canParse(button.url)) problems.push("no button with a URL");
  return problems;
}

export async function startSlackReceiver(respond: Respond = () => 200): Promise<Receiver<ReceivedSlack>> {
  const received: ReceivedSlack[] = [];
  const server = await listen((request, body) => {
    const json = parseJson(body);
    const problems = request.headers["content-type"]?.startsWith("application/json") ? blockKitProblems(json) : ["not JSON"];
    received.push({ path: request.url ?? "/", json, problems });
    // Slack answers 400 invalid_blocks to a malformed message.
    return problems.length > 0 ? 400 : respond(received.length);
  });
  return { url: `${server.url}/services/T000/B000/loopbacksecret`, received, close: server.close };
}

/** A real SMTP server (smtp-server), no TLS or auth on loopback; the URL is what SMTP_URL takes. */
export async function startSmtpReceiver(): Promise<Receiver<ReceivedMail>> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const header = (name: string) => new RegExp(`^${name}: (.*)$`, "im").exec(raw)?.[1]?.trim() ?? null;
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          subject: header("Subject") ?? "",
          alertId: header("X-Sendboard-Alert-Id"),
          alertType: header("X-Sendboard-Alert-Type"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((done) => server.close(() => done())) };
}
