import { it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { createPollScheduler } from "./scheduler";
import { createFakeUpstream, keepReading, makeKey, makeSnapshot, START } from "./test-support";

it("debug", async () => {
  vi.useFakeTimers(); vi.setSystemTime(START);
  const running = (key: Parameters<typeof makeSnapshot>[0]) => makeSnapshot(key, "running");
  const upstream = createFakeUpstream(running);
  const scheduler = createPollScheduler({ fetchBatch: upstream.fetchBatch });
  const keys = Array.from({ length: 12 }, (_, index) => makeKey("migma", `p${index}`));
  keepReading(scheduler, () => keys, 5_000);
  for (let pause = 0; pause < 2; pause += 1) {
    await vi.advanceTimersByTimeAsync(100_000);
    upstream.answerWith(() => { upstream.answerWith(running); return new AppError("provider_rate_limited", "x", { retryAfterSeconds: 120 }); });
    await vi.advanceTimersByTimeAsync(200_000);
  }
  for (const c of upstream.calls) console.log(`${c.id.split(":")[2]} ${(c.at - START) / 1000}`);
});
