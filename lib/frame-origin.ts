import { z } from "zod/mini";

// A share link may be framed on one origin, which goes verbatim into the page's CSP as
// `frame-ancestors <origin>`: only a bare origin may get there, never a second source or directive.

const MAX_LENGTH = 255;
// http only where nothing crosses a network, so local tests and development can frame a link.
// Not [::1]: CSP's host-source grammar has no IPv6 addresses, so browsers would ignore it.
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1"]);
const FORBIDDEN = /[\s\p{Cc};,'"*\\]/u;
const BARE_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@]+\/?$/i;
// What CSP's host-source grammar accepts (letters, digits, hyphens, dots), and a port.
const CSP_SOURCE = /^https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/;

export const FRAME_ORIGIN_EXAMPLE = "https://intranet.example.com";

/** The normalised origin (`new URL(x).origin`), or what is wrong with the value, for people. */
export function checkFrameOrigin(value: string): { origin: string } | { problem: string } {
  if (value.length > MAX_LENGTH) return { problem: "The origin is too long." };
  if (FORBIDDEN.test(value))
    return { problem: "Give one origin: no spaces, quotes, commas, semicolons or wildcards." };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `Give an origin like ${FRAME_ORIGIN_EXAMPLE}.` };
  }
  const secure = url.protocol === "https:";
  if (!secure && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)))
    return { problem: "The origin must start with https:// (http:// only for localhost)." };
  if (!BARE_ORIGIN.test(value))
    return { problem: "Only the origin: no user name, path, query or fragment." };
  if (!CSP_SOURCE.test(url.origin))
    return { problem: `Give an origin like ${FRAME_ORIGIN_EXAMPLE}.` };
  return { origin: url.origin };
}

/** A frame origin as typed, out comes the normalised origin; the issue's message says what is wrong. */
export const frameOriginSchema = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const checked = checkFrameOrigin(value);
    if ("origin" in checked) return checked.origin;
    ctx.issues.push({ code: "custom", message: checked.problem, input: value });
    return z.NEVER;
  }),
);
