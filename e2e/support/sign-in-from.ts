import { request as httpRequest } from "node:http";
import { E2E } from "./settings";

// Linux routes all of 127.0.0.0/8 to loopback: a request from 127.0.0.2 reaches the app from a
// second socket address, which is what the sign-in throttle keys on.
export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(path: string, init: { localAddress: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  const url = new URL(path, E2E.appUrl);
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: init.method ?? "GET", localAddress: init.localAddress, headers: init.headers },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    call.on("error", reject);
    call.end(init.body);
  });
}

const cookiePairs = (answer: Answer) => ((answer.headers["set-cookie"] as string[] | undefined) ?? []).map((cookie) => cookie.split(";")[0]!);

/** next-auth's own flow (CSRF token, then the credentials callback) from `localAddress`, with any extra headers. */
export async function signInFrom(localAddress: string, email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await send("/api/auth/csrf", { localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await send("/api/auth/callback/credentials", {
    localAddress,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; "), ...headers },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  return { ...answer, signedIn: cookiePairs(answer).some((pair) => pair.includes("session-token=")) };
}
