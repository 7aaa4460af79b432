import { sleep } from "./sleep";

/**
 * fetch, tried again when the connection failed before any answer (undici reusing a keep-alive
 * socket the server was closing, which a loaded machine makes likely). Only for requests that
 * are harmless to repeat. The last failure keeps its cause in the message.
 */
export async function fetchRetrying(url: string, init: RequestInit = {}, tries = 3): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= tries) {
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
        throw new Error(`${init.method ?? "GET"} ${new URL(url).pathname} failed ${tries} times${cause}`, { cause: error });
      }
      await sleep(500 * attempt);
    }
  }
}
