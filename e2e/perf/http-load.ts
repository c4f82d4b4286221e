import autocannon from "autocannon";

// HTTP load with autocannon, from this process, on loopback. Two ways to load a URL:
// - saturate: c connections, no rate cap: the most requests a second the server gives (throughput);
// - fixed rate: the same c connections held to `rate` requests a second in all (overallRate), so
//   latency percentiles describe a server that is busy but not queueing behind its own backlog.

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

export async function load(url: string, opts: { cookie?: string; seconds: number; rate?: number }): Promise<Load> {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: opts.seconds,
    overallRate: opts.rate,
    headers: opts.cookie ? { cookie: opts.cookie } : undefined,
    timeout: 30,
  });
  const responses = r["2xx"] + r.non2xx;
  // No response within the run: no latency to report, rather than autocannon's zeros.
  const lat = (v: number) => (responses ? v : NaN);
  return {
    reqPerSec: responses / Math.max(r.duration, 1e-3),
    p50: lat(r.latency.p50),
    p975: lat(r.latency.p97_5),
    p99: lat(r.latency.p99),
    max: lat(r.latency.max),
    responses,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    rate: opts.rate ?? null,
    seconds: r.duration,
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
