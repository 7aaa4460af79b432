import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendJson, startFakeUpstream } from "./testing/fake-upstream";
import type { FakeUpstream } from "./testing/fake-upstream";
import { recordingObserver } from "./testing/recording-observer";
import { bearerAuth, upstreamFor } from "./upstream";

const PROFILE = { id: "bolna", name: "Bolna" } as const;

describe("upstreamFor", () => {
  let upstream: FakeUpstream;
  let received: string;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());
  beforeEach(() => {
    upstream.requests.length = 0;
    received = "";
    upstream.reply((request, response) => {
      request.setEncoding("utf8");
      request.on("data", (chunk: string) => (received += chunk));
      request.on("end", () => sendJson(response, 200, { message: "success" }));
    });
  });

  const connect = () => {
    const recorder = recordingObserver();
    let reads = 0;
    const readApiKey = () => {
      reads += 1;
      return "key_1";
    };
    const access = { baseUrl: `${upstream.baseUrl}/`, readApiKey, timeoutMs: 2000, observer: recorder.observer };
    return { ...recorder, reads: () => reads, client: upstreamFor(PROFILE, { access }, bearerAuth) };
  };

  it("GETs with the key read for that call only, no body and no content type", async () => {
    const { client, reads, calls } = connect();
    expect(reads()).toBe(0);
    const response = await client.get(["batches", "a b"], { query: { page: "2", status: "in progress" } });
    expect(response).toMatchObject({ status: 200, body: { message: "success" } });
    expect(reads()).toBe(1);
    const [request] = upstream.requests;
    expect(`${request?.method} ${request?.url}`).toBe("GET /batches/a%20b?page=2&status=in+progress");
    expect(request?.headers.authorization).toBe("Bearer key_1");
    expect(request?.headers["content-type"]).toBeUndefined();
    expect(received).toBe("");
    expect(calls).toEqual([{ provider: "bolna", outcome: "2xx" }]);
  });

  it("sends a control call's body as JSON through the same account", async () => {
    const { client, calls } = connect();
    await client.send("POST", ["batches", "b1", "stop"], { body: { reason: "manual" } });
    const [request] = upstream.requests;
    expect(`${request?.method} ${request?.url}`).toBe("POST /batches/b1/stop");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.authorization).toBe("Bearer key_1");
    expect(JSON.parse(received)).toEqual({ reason: "manual" });
    expect(calls).toEqual([{ provider: "bolna", outcome: "2xx" }]);
  });

  it("reports the shared status error it builds", async () => {
    const { client, errors } = connect();
    const error = client.statusError({ status: 429, headers: new Headers({ "retry-after": "3" }), body: undefined });
    expect(error).toMatchObject({ code: "provider_rate_limited", retryAfterSeconds: 3 });
    expect(errors).toEqual([{ provider: "bolna", code: "provider_rate_limited" }]);
  });
});
