import "server-only";
import { maskEmail } from "@/lib/recipient-mask";

/**
 * What the settings page may show of a destination: enough to tell two apart, never enough to
 * use. A Slack or webhook URL carries its credential in the path, so only the host and the last
 * four characters show.
 */
export function urlHint(url: URL): string {
  const rest = `${url.pathname}${url.search}`;
  const tail = rest.length > 12 ? rest.slice(-4) : "";
  return `${url.protocol}//${url.host}/…${tail}`;
}

export function emailHint(address: string): string {
  return maskEmail(address);
}
