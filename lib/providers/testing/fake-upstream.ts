import { createServer } from "node:http";
import type {
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

// A real HTTP server on 127.0.0.1 for client tests: it records what the adapter sent and answers
// with whatever the test set, so paths, headers, redirects and timeouts go through real fetch.
/** `body` is complete once the request has ended: reply through afterBody to read it safely. */
export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
export type Reply = (request: IncomingMessage, response: ServerResponse) => void;

export type FakeUpstream = {
  baseUrl: string;
  requests: RecordedRequest[];
  reply(handler: Reply): void;
  close(): Promise<void>;
};

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  let handler: Reply = (_request, response) => sendJson(response, 500, { error: "no reply set" });
  const server = createServer((request, response) => {
    const recorded = { method: request.method ?? "", url: request.url ?? "", headers: request.headers, body: "" };
    requests.push(recorded);
    request.on("data", (chunk: Buffer | string) => (recorded.body += chunk.toString()));
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    reply(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers only once the request body has arrived, so a test can read what was sent. */
export function afterBody(reply: Reply): Reply {
  return (request, response) => request.once("end", () => reply(request, response));
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
) {
  sendText(response, status, JSON.stringify(body), {
    "content-type": "application/json",
    ...headers,
  });
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: OutgoingHttpHeaders = {},
) {
  response.writeHead(status, { "content-type": "text/plain", ...headers });
  response.end(text);
}
