import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson, sendText, startFakeUpstream, type FakeUpstream } from "@/lib/providers/testing/fake-upstream";

export type FakeSendGrid = {
  upstream: FakeUpstream;
  /** Every pause/cancel/resume call (POST, PATCH, DELETE) so far. */
  writes(): FakeUpstream["requests"];
  /** Answers the next writes this way instead of keeping the entry; null: back to normal. */
  answerWrites(answer: ((response: ServerResponse) => void) | null): void;
};

/**
 * A SendGrid that keeps each batch's pause/cancel entry and answers writes after 150 ms, so two
 * requests really overlap; the batch id check always says yes.
 */
export async function startFakeSendGrid(): Promise<FakeSendGrid> {
  const upstream = await startFakeUpstream();
  const held = new Map<string, string>();
  let writeAnswer: ((response: ServerResponse) => void) | null = null;

  function write(request: IncomingMessage, response: ServerResponse, id: string | undefined, body: string) {
    if (writeAnswer) return writeAnswer(response);
    if (request.method === "DELETE") {
      if (!id || !held.delete(id)) return sendJson(response, 404, { errors: [{ message: "batch id not found" }] });
      return sendText(response, 204, "");
    }
    const parsed = JSON.parse(body) as { batch_id?: string; status: string };
    held.set(id ?? parsed.batch_id ?? "", parsed.status);
    return request.method === "POST" ? sendJson(response, 201, parsed) : sendText(response, 204, "");
  }

  upstream.reply((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname.split("/");
    const id = path[4];
    if (path[2] === "mail") return sendJson(response, 200, { batch_id: path.at(-1) });
    if (request.method === "GET") {
      const status = id ? held.get(id) : undefined;
      return sendJson(response, 200, status ? [{ batch_id: id, status }] : []);
    }
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.once("end", () => setTimeout(() => write(request, response, id, body), 150));
  });
  return {
    upstream,
    writes: () => upstream.requests.filter((request) => request.method !== "GET"),
    answerWrites: (answer) => (writeAnswer = answer),
  };
}
