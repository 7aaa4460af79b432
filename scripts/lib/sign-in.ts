// Signs in through next-auth's own credentials flow (CSRF token, then callback) and returns the
// Cookie header a script can send to the API, exactly as a browser would.
export async function signInForCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrfResponse.ok) throw new Error(`Sign-in failed: /api/auth/csrf answered ${csrfResponse.status}`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = cookiePairs(csrfResponse.headers);

  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const sessionCookie = cookiePairs(callback.headers)
    .split("; ")
    .filter((pair) => pair.includes("session-token="))
    .join("; ");
  if (!sessionCookie) throw new Error("Sign-in failed: wrong email or password.");
  return sessionCookie;
}

function cookiePairs(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
