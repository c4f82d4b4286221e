import { now } from "./execution-measure";
import type { Sink } from "./smtp-sink";

/** When messages reached the sink, seen by polling its count (every `everyMs`) over IPC. */
export type Arrival = {
  /** performance.now() of the first poll that saw a message, and how many it saw. */
  firstAt: number;
  firstCount: number;
  /** performance.now() of the first poll that saw `expected` messages (or the last poll, on timeout). */
  lastAt: number;
  received: number;
  timedOut: boolean;
};

export async function watchSink(sink: Sink, expected: number, timeoutMs: number, everyMs = 10): Promise<Arrival> {
  const deadline = now() + timeoutMs;
  const a: Arrival = { firstAt: NaN, firstCount: 0, lastAt: NaN, received: 0, timedOut: false };
  for (;;) {
    const { received } = await sink.stats();
    const t = now();
    if (received > 0 && Number.isNaN(a.firstAt)) {
      a.firstAt = t;
      a.firstCount = received;
    }
    a.received = received;
    if (received >= expected || t > deadline) {
      a.lastAt = t;
      a.timedOut = received < expected;
      return a;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Messages per second into the sink from the first to the last: the messages after the first
 * poll's, over the time between the two polls. One poll's worth of messages is not a rate.
 */
export function arrivalRate(a: Arrival): number {
  const ms = a.lastAt - a.firstAt;
  return ms > 0 ? ((a.received - a.firstCount) * 1000) / ms : NaN;
}
