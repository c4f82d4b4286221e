import { PER_PAGE, type HttpCase } from "./http-cases";
import { CONNECTIONS, type Load } from "./http-load";
import { machineRows, type Machine } from "./machine";
import { ms, table } from "./measure";
import { B1_DEEP_RATIO } from "./packages-summary";
import { sectionMarkers } from "./results-file";
import { equalCheck, fmtRatio, scenarioTable, type BenchSummary, type Check, type ScenarioRow } from "./suite-report";

// B1 over HTTP: the figures of http.bench.ts, its summary rows and checks, and its section of
// RESULTS.md.

export const B1_THROUGHPUT_SHARE = 0.1;
export const B1_P975_MS = 150;

export type Side = {
  saturated: Load;
  /** At the fixed rate, paced evenly over each second (e2e/perf/http-load.ts). */
  fixed: Load;
  /** At the same rate sent as autocannon's overallRate sends it: each second opens with every connection's requests. */
  burst: Load;
  /** CPU of the server's process tree over the saturated runs, per response. */
  cpuMsPerResponse: number;
  /** Size of the page, from the check request. */
  bytes: number;
  /** Every run, in order. */
  runs: { saturated: Load[]; fixed: Load[]; burst: Load[] };
};

export type UrlFigures = { c: HttpCase; ours: Side; anchor: Side; oursShowsRow: boolean; anchorShowsRow: boolean };

export type HttpFigures = {
  smoke: boolean;
  machine: Machine;
  postgres: string;
  size: { entities: number; packages: number };
  generation: [string, number][];
  rate: number;
  seconds: { saturated: number; fixed: number; warmup: number };
  runs: number;
  deep: { depth: number; how: string; expectLabel: string | null; offsetLabel: string | null };
  urls: UrlFigures[];
  loadAverage: number[];
};

/** With c connections always busy, the mean time a response takes is c / throughput. */
const meanAtC = (s: Side) => (CONNECTIONS * 1000) / s.saturated.reqPerSec;
const reqs = (n: number) => `${n.toFixed(n < 100 ? 1 : 0)} req/s`;
const fixedRate = (f: HttpFigures) => `${f.rate} req/s`;

export function httpRows(f: HttpFigures): ScenarioRow[] {
  const holds = (ok: boolean) => (f.smoke ? null : ok);
  const rows: ScenarioRow[] = f.urls.map(({ c, ours, anchor }) => {
    const share = ours.saturated.reqPerSec / anchor.saturated.reqPerSec;
    return {
      id: "B1",
      scenario: `HTTP ${c.name}: req/s at c=${CONNECTIONS}; p97.5 at ${fixedRate(f)}`,
      ours: `${reqs(ours.saturated.reqPerSec)}; p97.5 ${ms(ours.fixed.p975)} ms`,
      anchor: `${reqs(anchor.saturated.reqPerSec)}; p97.5 ${ms(anchor.fixed.p975)} ms`,
      ratio: fmtRatio(ours.saturated.reqPerSec, anchor.saturated.reqPerSec),
      target: `≥ ${B1_THROUGHPUT_SHARE}× req/s; p97.5 ≤ ${B1_P975_MS} ms`,
      holds: holds(share >= B1_THROUGHPUT_SHARE && ours.fixed.p975 <= B1_P975_MS),
    };
  });
  const [page1, deep] = f.urls;
  if (page1 && deep) {
    const [d, p] = [meanAtC(deep.ours), meanAtC(page1.ours)];
    rows.push({
      id: "B1",
      scenario: `HTTP deep page against page 1: mean time a response at c=${CONNECTIONS}, no cap`,
      ours: `${ms(d)} ms`,
      anchor: `${ms(p)} ms (page 1)`,
      ratio: fmtRatio(d, p),
      target: `≤ ${B1_DEEP_RATIO}× page 1`,
      holds: holds(d <= B1_DEEP_RATIO * p),
    });
  }
  return rows;
}

export function httpChecks(f: HttpFigures): Check[] {
  const bad = (side: "ours" | "anchor") => f.urls.reduce((n, u) => n + [...u[side].runs.saturated, ...u[side].runs.fixed].reduce((a, l) => a + l.non2xx + l.errors, 0), 0);
  return [
    equalCheck("B1 non-2xx responses and errors from next start", bad("ours"), 0),
    equalCheck("B1 non-2xx responses and errors from the anchor", bad("anchor"), 0),
    ...f.urls.map((u) => ({
      name: `B1 ${u.c.name}: both servers show the page's first row`,
      ok: u.oursShowsRow && u.anchorShowsRow,
      detail: `"${u.c.expectLabel ?? "(no row)"}": next start ${u.oursShowsRow ? "yes" : "no"}, anchor ${u.anchorShowsRow ? "yes" : "no"}`,
    })),
    equalCheck(`B1 the deep page's first row is the row at offset ${((f.deep.depth - 1) * PER_PAGE).toLocaleString("en-US")}`, f.deep.expectLabel, f.deep.offsetLabel),
  ];
}

export const httpSummary = (f: HttpFigures): BenchSummary => ({ bench: "http", rows: httpRows(f), checks: httpChecks(f) });

function observations(f: HttpFigures): string[] {
  const out: string[] = [];
  for (const { c, ours, anchor } of f.urls) {
    const share = ours.saturated.reqPerSec / anchor.saturated.reqPerSec;
    out.push(
      `${c.name}: next start gives ${reqs(ours.saturated.reqPerSec)} against ${reqs(anchor.saturated.reqPerSec)} for the anchor (${share.toFixed(2)}×, target ≥ ${B1_THROUGHPUT_SHARE}×: ${share >= B1_THROUGHPUT_SHARE ? "holds" : "misses"}); p97.5 at ${fixedRate(f)} ${ms(ours.fixed.p975)} ms (target ≤ ${B1_P975_MS} ms: ${ours.fixed.p975 <= B1_P975_MS ? "holds" : "misses"}). ` +
        `CPU of the server per response: ${ms(ours.cpuMsPerResponse)} ms against ${ms(anchor.cpuMsPerResponse)} ms; page size ${(ours.bytes / 1024).toFixed(0)} KB against ${(anchor.bytes / 1024).toFixed(0)} KB.` +
        (ours.fixed.reqPerSec < 0.95 * f.rate ? ` At the fixed rate next start answered only ${reqs(ours.fixed.reqPerSec)}: the rate is beyond what it sustains, so its percentiles include queueing.` : ""),
    );
  }
  const [page1, deep] = f.urls;
  if (page1 && deep) {
    const r = meanAtC(deep.ours) / meanAtC(page1.ours);
    out.push(
      `The deep page — ${f.deep.how} — takes ${r.toFixed(2)}× page 1's time a response at c=${CONNECTIONS} (${ms(meanAtC(deep.ours))} against ${ms(meanAtC(page1.ours))} ms; target ≤ ${B1_DEEP_RATIO}×: ${r <= B1_DEEP_RATIO ? "holds" : "misses"}); at ${fixedRate(f)} its p50 is ${(deep.ours.fixed.p50 / page1.ours.fixed.p50).toFixed(2)}× page 1's. The anchor, same statements: ${(meanAtC(deep.anchor) / meanAtC(page1.anchor)).toFixed(2)}×.` +
        (f.deep.how.startsWith("?page=") ? " The list still pages with OFFSET: the deep page reads and throws away every row before it." : ""),
    );
  }
  return out;
}

function sideCells(s: Side): string[] {
  const bad = [s.saturated, s.fixed, s.burst].reduce((a, l) => a + l.non2xx + l.errors, 0);
  return [
    reqs(s.saturated.reqPerSec),
    `${ms(s.fixed.p50)} / ${ms(s.fixed.p975)} / ${ms(s.fixed.p99)}`,
    reqs(s.fixed.reqPerSec),
    `${ms(s.burst.p50)} / ${ms(s.burst.p975)}`,
    ms(s.cpuMsPerResponse),
    `${(s.bytes / 1024).toFixed(0)} KB`,
    String(bad),
  ];
}

export function renderHttpReport(f: HttpFigures): string {
  const { start, end } = sectionMarkers("http");
  const m = f.machine;
  const machine = table(
    ["", ""],
    [
      ...machineRows(m),
      ["PostgreSQL", f.postgres],
      ["load average (1 min) before and after", f.loadAverage.map((l) => l.toFixed(2)).join(", ")],
    ],
  );
  const gen = table(["generation step", "ms"], f.generation.map(([n, t]) => [n, ms(t)]));
  const detail = table(
    ["URL", "server", "req/s (c=10, no cap)", `p50 / p97.5 / p99 ms at ${fixedRate(f)}, paced`, "req/s at the fixed rate", `p50 / p97.5 ms at ${fixedRate(f)} in bursts`, "CPU ms / response", "page", "non-2xx + errors"],
    f.urls.flatMap((u) => [
      [`\`${u.c.path}\``, "next start", ...sideCells(u.ours)],
      ["", "anchor", ...sideCells(u.anchor)],
    ]),
  );
  const runs = table(
    ["URL", "server", "req/s of each run (no cap)", `p97.5 ms of each run at ${fixedRate(f)}, paced`, "in bursts"],
    f.urls.flatMap((u) =>
      (["ours", "anchor"] as const).map((k) => [
        k === "ours" ? u.c.name : "",
        k === "ours" ? "next start" : "anchor",
        u[k].runs.saturated.map((l) => l.reqPerSec.toFixed(1)).join(", "),
        u[k].runs.fixed.map((l) => ms(l.p975)).join(", "),
        u[k].runs.burst.map((l) => ms(l.p975)).join(", "),
      ]),
    ),
  );
  return `${start}
# Performance figures: the packages list over HTTP (B1)${f.smoke ? " — SMOKE RUN" : ""}

Written by \`npm run bench:http\` (e2e/perf/http.bench.ts) on a throwaway embedded PostgreSQL of its own; \`-- --smoke\` runs the same at 1/100 of the data and writes nothing. Targets are issue 7's.

## Machine

${machine}

Everything runs on this machine at once: PostgreSQL, the server under load, and autocannon in the benchmark's process. Absolute figures move with the machine's load; the ratios, measured in the same run with the runs alternating, are steadier.

## Data set

${f.size.entities.toLocaleString("en-US")} local entities, ${f.size.packages.toLocaleString("en-US")} packages (e2e/perf/generate.ts), on the demo network of \`seedDemoData\`.

${gen}

## Method

Ours is the production build in \`.next\` served by \`next start\` (NODE_ENV=production), signed in as the seeded central operator through next-auth's own endpoints (\`/api/auth/csrf\`, then \`/api/auth/callback/credentials\`); every request carries that session cookie, so each one runs the proxy's token check, the page's guard (session + actor) and the page's data load. The anchor is a bare \`node:http\` server in a child process with NODE_ENV=production (e2e/perf/anchor-http.ts): the same data load as app/admin/packages/page.tsx through the same function (\`loadPackageList\`: the same statements on the same pool size, the URL parsed the same way), and React's \`renderToString\` of a plain table of the same rows with the same next-page link; no session, no client components.

Each URL is loaded by autocannon (${CONNECTIONS} connections): first with no rate cap for ${f.seconds.saturated} s (throughput: completed responses / wall time), then held to ${fixedRate(f)} in all for ${f.seconds.fixed} s (latency percentiles), twice: paced, the requests spread evenly over each second by ${CONNECTIONS} one-connection autocannon instances started ${1000 / CONNECTIONS} ms apart, each at ${f.rate / CONNECTIONS} req/s (\`connectionRate\`); and in bursts, one autocannon with \`overallRate\`, which sends every connection's share at the top of each second, so that each second opens with ${CONNECTIONS} requests at once. The target's p97.5 is read on the paced runs, the steady load a fixed rate means; the bursts show what ${CONNECTIONS} simultaneous requests cost. Latencies are each response's own: autocannon's coordinated-omission correction assumes an interval of ceil(1 / rate) ms, 1 ms at 2 req/s a connection, and would add a sample for every millisecond of every response. ${f.runs > 1 ? `A warm-up of ${f.seconds.warmup} s per URL and server, then ${f.runs} runs, next start and the anchor alternating; figures are the median of the runs.` : "One run, no warm-up."} CPU per response is the server's process tree's user + system time (/proc) over its uncapped runs, divided by their responses. The deep page is about ${f.deep.depth.toLocaleString("en-US")} pages in: ${f.deep.how}. It is set against page 1 by the mean time a response takes with all ${CONNECTIONS} connections busy (${CONNECTIONS} / req/s): a figure that, unlike a percentile at a rate the server may not sustain, does not include queueing.

## Summary

${scenarioTable(httpRows(f))}

## Each URL

${detail}

${runs}

## Observations

${observations(f)
  .map((o) => `- ${o}`)
  .join("\n")}
${end}`;
}
