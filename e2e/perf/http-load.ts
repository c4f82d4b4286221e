import autocannon from "autocannon";

// HTTP load with autocannon, from this process, on loopback. Three ways to load a URL:
// - saturate: c connections, no rate cap: the most requests a second the server gives (throughput);
// - fixed rate, paced: `rate` requests a second spread evenly over the second, by c one-connection
//   autocannon instances started 1/c s apart, each holding `rate / c` requests a second; latency
//   percentiles then describe a server that is busy but not queueing behind its own backlog;
// - fixed rate, in bursts: the same c connections under one autocannon with `overallRate`, which
//   sends each connection's budget at the top of every second (httpClient.js resets a per-second
//   counter on one timer per connection, all started together): every second opens with c requests
//   at once. Kept beside the paced figure because it is what `overallRate` alone measures.
//
// Latencies of the rated runs are taken from each response, not from autocannon's histogram: its
// coordinated-omission correction uses an expected interval of ceil(1 / rate) ms, 1 ms at 2 req/s a
// connection, and so adds a synthetic sample for every millisecond of every response.

export const CONNECTIONS = 10;

export type Load = {
  /** Completed responses / wall seconds. */
  reqPerSec: number;
  p50: number;
  p975: number;
  p99: number;
  max: number;
  responses: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** The rate asked for, or null when saturating. */
  rate: number | null;
  seconds: number;
};

type Opts = { cookie?: string; seconds: number; rate?: number; burst?: boolean };

const headers = (cookie?: string) => (cookie ? { cookie } : undefined);

/** One autocannon run, each response's latency handed to `latency`. */
function run(opts: autocannon.Options, latency: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on("response", (_client, _status, _bytes, ms) => latency(ms));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

export async function load(url: string, opts: Opts): Promise<Load> {
  if (opts.rate && !opts.burst) return paced(url, opts as Opts & { rate: number });
  const latencies: number[] = [];
  const r = await run(
    { url, connections: CONNECTIONS, duration: opts.seconds, overallRate: opts.rate, ignoreCoordinatedOmission: opts.rate ? true : undefined, headers: headers(opts.cookie), timeout: 30 },
    (ms) => latencies.push(ms),
  );
  const responses = r["2xx"] + r.non2xx;
  return loadOf(latencies, { responses, non2xx: r.non2xx, errors: r.errors + r.timeouts, seconds: r.duration, rate: opts.rate ?? null });
}

async function paced(url: string, opts: Opts & { rate: number }): Promise<Load> {
  const perConnection = opts.rate / CONNECTIONS;
  if (!Number.isInteger(perConnection)) throw new Error(`a paced rate must be a multiple of ${CONNECTIONS} req/s, not ${opts.rate}`);
  const latencies: number[] = [];
  const runs = await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, k) => {
      await new Promise((r) => setTimeout(r, (k * 1000) / CONNECTIONS));
      return run(
        { url, connections: 1, connectionRate: perConnection, duration: opts.seconds, ignoreCoordinatedOmission: true, headers: headers(opts.cookie), timeout: 30 },
        (ms) => latencies.push(ms),
      );
    }),
  );
  const sum = (f: (r: autocannon.Result) => number) => runs.reduce((a, r) => a + f(r), 0);
  return loadOf(latencies, {
    responses: sum((r) => r["2xx"] + r.non2xx),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors + r.timeouts),
    // Each instance runs for the whole duration, staggered: together they cover `seconds` at the
    // full rate, plus the stagger at part rate on either end.
    seconds: sum((r) => r.duration) / runs.length,
    rate: opts.rate,
  });
}

function loadOf(latencies: number[], c: { responses: number; non2xx: number; errors: number; seconds: number; rate: number | null }): Load {
  const sorted = latencies.sort((a, b) => a - b);
  // No response within the run: no latency to report, rather than zeros.
  const lat = (v: number) => (c.responses ? v : NaN);
  return {
    reqPerSec: c.responses / Math.max(c.seconds, 1e-3),
    p50: lat(percentile(sorted, 50)),
    p975: lat(percentile(sorted, 97.5)),
    p99: lat(percentile(sorted, 99)),
    max: lat(sorted.at(-1) ?? NaN),
    responses: c.responses,
    non2xx: c.non2xx,
    errors: c.errors,
    rate: c.rate,
    seconds: c.seconds,
  };
}

/** The median of each figure over runs (runs are few: 1 or 3) that have it, counts summed. */
export function medianLoad(runs: Load[]): Load {
  const med = (f: (l: Load) => number) => {
    const s = runs.map(f).filter(Number.isFinite).sort((a, b) => a - b);
    return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
  };
  const sum = (f: (l: Load) => number) => runs.reduce((a, l) => a + f(l), 0);
  return {
    reqPerSec: med((l) => l.reqPerSec),
    p50: med((l) => l.p50),
    p975: med((l) => l.p975),
    p99: med((l) => l.p99),
    max: runs.reduce((m, l) => (Number.isFinite(l.max) && !(l.max <= m) ? l.max : m), NaN),
    responses: sum((l) => l.responses),
    non2xx: sum((l) => l.non2xx),
    errors: sum((l) => l.errors),
    rate: runs[0]?.rate ?? null,
    seconds: sum((l) => l.seconds),
  };
}
