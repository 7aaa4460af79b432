import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ProviderId } from "../lib/providers/provider-id";
import { CallCounter } from "./call-counter";
import type { ProviderSim, SimContext, SimRuns } from "./context";
import { CONTROL_PREFIX, handleControl } from "./control";
import { isLoopbackHost } from "./loopback";
import { bolnaSim } from "./providers/bolna";
import { startBolnaWebhooks } from "./providers/bolna-webhooks";
import { migmaSim } from "./providers/migma";
import { mindoSim } from "./providers/mindo";
import { createSendgridSim } from "./providers/sendgrid";
import { seedSendgridCatalogue } from "./providers/sendgrid-batches";
import { startSendGridWebhook } from "./sendgrid-webhook";
import { sendText } from "./respond";
import { SIM_KEYS } from "./scenarios";
import { SimState } from "./state";

export type SimulatorOptions = {
  port?: number;
  host?: string;
  /** When running batches started (ms since the epoch); defaults to now. */
  startedAt?: number;
  /** How long a running batch takes; default 600. */
  durationSeconds?: number;
  /** How long fault-slow waits before answering; default 15000. */
  slowMs?: number;
  keys?: Partial<Record<ProviderId, string>>;
  /** Where to post SendGrid's signed Event Webhook for the SendGrid batches; unset: not posted. */
  sendgridWebhookUrl?: string;
  /** Where to POST Bolna execution webhooks for the simulator's batches (SIM_BOLNA_WEBHOOK_URL); none when unset. */
  bolnaWebhookUrl?: string;
};

export type Simulator = {
  url: string;
  port: number;
  close(): Promise<void>;
  callCount(provider?: ProviderId, batchId?: string): number;
  resetCounts(): void;
  /** Puts every batch back as it started: pauses, cancels, stops and fresh batches are forgotten. */
  resetState(): void;
  /** While on, every provider request has its connection dropped, as if the provider were down. */
  setOutage(on: boolean): void;
  /** The verification key (base64 DER) of the Event Webhook posts, when sendgridWebhookUrl was given. */
  sendgridWebhookKey: string | null;
  /** Posts Bolna execution webhooks to this URL from now on (null: stops), as SIM_BOLNA_WEBHOOK_URL does from the start. */
  setBolnaWebhookUrl(url: string | null): void;
};

const PAST_OFFSET_MS = 3 * 3_600_000;
const PAST_DURATION_MS = 10 * 60_000;

/** Starts all four fake providers on one loopback port. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopbackHost(host)) {
    throw new Error(`The provider simulator only listens on loopback addresses, not "${host}".`);
  }
  const startedAt = options.startedAt ?? Date.now();
  const runs: SimRuns = {
    main: { startMs: startedAt, durationMs: (options.durationSeconds ?? 600) * 1000 },
    fast: { startMs: startedAt, durationMs: 60_000 },
    past: { startMs: startedAt - PAST_OFFSET_MS, durationMs: PAST_DURATION_MS },
  };
  const keys = { ...SIM_KEYS, ...options.keys };
  const slowMs = options.slowMs ?? 15_000;
  const counter = new CallCounter();
  const state = new SimState();
  const providers: ProviderSim[] = [mindoSim, migmaSim, createSendgridSim(), bolnaSim];
  const shutdown = new AbortController();
  const outage = { on: false };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      return handleControl(req, res, url.pathname, { counter, outage, state });
    }
    const provider = providers.find((candidate) => candidate.owns(url.pathname));
    if (outage.on) {
      if (provider) counter.countDropped(provider.id);
      return void req.socket.destroy();
    }
    if (!provider) return sendText(res, 404, "text/plain", "Not found\n");
    const ctx: SimContext = {
      req,
      res,
      url,
      now: Date.now(),
      runs,
      slowMs,
      keys,
      countCall: (id, batchId) => counter.count(id, batchId),
      state,
      signal: AbortSignal.any([shutdown.signal, requestGone(res)]),
    };
    provider.handle(ctx).catch((error: unknown) => internalError(res, error));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const webhook = options.sendgridWebhookUrl
    ? startSendGridWebhook({
        url: options.sendgridWebhookUrl,
        state,
        runs,
        batchIds: () => {
          seedSendgridCatalogue(state, runs.main.startMs);
          return [...state.sendgrid.keys()];
        },
      })
    : null;
  let bolnaWebhooks = options.bolnaWebhookUrl ? startBolnaWebhooks(options.bolnaWebhookUrl, { runs, state }) : null;
  const urlHost = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    callCount: (provider, batchId) => counter.total(provider, batchId),
    resetCounts: () => counter.reset(),
    resetState: () => state.reset(),
    setOutage: (on) => {
      outage.on = on;
    },
    sendgridWebhookKey: webhook?.publicKey ?? null,
    setBolnaWebhookUrl: (url) => {
      bolnaWebhooks?.stop();
      bolnaWebhooks = url ? startBolnaWebhooks(url, { runs, state }) : null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        webhook?.stop();
        shutdown.abort();
        bolnaWebhooks?.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function requestGone(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => controller.abort());
  return controller.signal;
}

function internalError(res: ServerResponse, error: unknown) {
  console.error("Provider simulator bug:", error);
  sendText(res, 500, "text/plain", "Simulator error\n");
}
