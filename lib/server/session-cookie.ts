// next-auth's cookie names: the __Secure- one when served over https.
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** The session token in a Cookie header, by next-auth's names in that order of preference. */
export function sessionTokenFromHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  const values = new Map<string, string>();
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at > 0) values.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return SESSION_COOKIES.map((name) => values.get(name)).find(Boolean);
}
