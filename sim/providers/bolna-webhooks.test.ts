import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SIM_SCENARIOS } from "../scenarios";
import { startSimulator, type Simulator } from "../server";
import { SIM_AUTH } from "../testing";

let simulator: Simulator | undefined;
let closeReceiver: (() => void) | undefined;

afterEach(async () => {
  await simulator?.close();
  closeReceiver?.();
});

async function startReceiver() {
  const bodies: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    req.on("end", () => {
      bodies.push(JSON.parse(text) as Record<string, unknown>);
      res.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closeReceiver = () => server.close();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
}

describe("the simulator's Bolna execution webhooks", () => {
  it("posts each call's status change once, as the execution object GET …/executions lists", async () => {
    const receiver = await startReceiver();
    // A 20 s run: calls change status every moment.
    simulator = await startSimulator({ port: 0, durationSeconds: 20, bolnaWebhookUrl: receiver.url });
    await vi.waitFor(() => expect(receiver.bodies.length).toBeGreaterThan(5), { timeout: 8_000, interval: 200 });
    const running = SIM_SCENARIOS.bolna.running;
    const event = receiver.bodies.find((body) => body.batch_id === running);
    expect(event).toBeDefined();
    const listed = (await (await fetch(`${simulator.url}/batches/${running}/executions`, { headers: SIM_AUTH.bolna })).json()) as Record<string, unknown>[];
    const same = listed.find((row) => row.id === event!.id);
    expect(Object.keys(event!).sort()).toEqual(Object.keys(same!).sort());
    const pairs = receiver.bodies.map((body) => `${String(body.id)}/${String(body.status)}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
