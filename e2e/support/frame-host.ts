import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { E2E } from "./settings";

export type FrameHost = {
  origin: string;
  pageFor: (token: string) => string;
  close: () => Promise<void>;
};

/**
 * Another site on a free port of 127.0.0.1: `/frame/{token}` is a page that frames that share
 * link. A different port is a different origin, so the app's frame-ancestors decides.
 */
export async function startFrameHost(): Promise<FrameHost> {
  const server = createServer((request, response) => {
    const token = /^\/frame\/([A-Za-z0-9_-]+)$/.exec(request.url ?? "")?.[1];
    if (!token) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><title>Intranet</title><h1>Intranet</h1>` +
        `<iframe src="${E2E.appUrl}/s/${token}" width="1280" height="720"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageFor: (token) => `${origin}/frame/${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
