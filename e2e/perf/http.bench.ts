import os from "node:os";
import { startHttpAnchor, type Anchor } from "./anchor-http";
import { deepPageParams, httpCases, labelAtOffset, PER_PAGE, showsExpectedRow, type HttpCase } from "./http-cases";
import { benchDatabase } from "./http-db";
import { load, medianLoad, type Load } from "./http-load";
import { renderHttpReport, httpSummary, type HttpFigures, type Side, type UrlFigures } from "./http-report";
import { getPage, signIn, startNext, type Served } from "./http-server";
import { machine } from "./machine";
import { treeCpuMs } from "./memory-proc";
import { fileBench } from "./suite-report";

// Issue 7's B1 over HTTP: the packages list served by `next start` (the production build in
// .next) under autocannon, against a bare node:http + renderToString anchor in the same run.
// `-- --smoke`: 1/100 of the data, one short run, prints and writes no RESULTS.md section.
const smoke = process.argv.includes("--smoke");
const SIZE = smoke ? { entities: 100, packages: 1_000 } : { entities: 10_000, packages: 100_000 };
// "A page about 1,000 pages deep" at 100,000 packages: a hundredth of the list's pages.
const DEPTH = SIZE.packages / 100;
const RATE = Number(process.env.BENCH_HTTP_RATE ?? 20);
const RUNS = smoke ? 1 : 3;
const SECONDS = smoke ? { saturated: 1, fixed: 1, warmup: 0 } : { saturated: 10, fixed: 10, warmup: 3 };

type Target = { base: string; pid: number; cookie?: string };

type Runs = { saturated: Load[]; fixed: Load[]; burst: Load[] };

async function measure(t: Target, c: HttpCase, runs: Runs, cpu: { ms: number }) {
  const url = `${t.base}${c.path}`;
  const cpu0 = treeCpuMs(t.pid);
  runs.saturated.push(await load(url, { cookie: t.cookie, seconds: SECONDS.saturated }));
  cpu.ms += treeCpuMs(t.pid) - cpu0;
  runs.fixed.push(await load(url, { cookie: t.cookie, seconds: SECONDS.fixed, rate: RATE }));
  runs.burst.push(await load(url, { cookie: t.cookie, seconds: SECONDS.fixed, rate: RATE, burst: true }));
}

function side(runs: Runs, cpuMs: number, bytes: number): Side {
  const responses = runs.saturated.reduce((a, l) => a + l.responses, 0);
  return { saturated: medianLoad(runs.saturated), fixed: medianLoad(runs.fixed), burst: medianLoad(runs.burst), cpuMsPerResponse: cpuMs / Math.max(1, responses), bytes, runs };
}

type Shown = { bytes: number; showsRow: boolean };

/** One request per URL and server before any load: the page's size, and whether it shows its first row. */
async function firstLook(cases: HttpCase[], t: Target): Promise<Shown[]> {
  const out: Shown[] = [];
  for (const c of cases) {
    const page = await getPage(`${t.base}${c.path}`, t.cookie ?? "");
    out.push({ bytes: Buffer.byteLength(page.html), showsRow: page.status === 200 && showsExpectedRow(c, page.html) });
  }
  return out;
}

async function benchUrls(cases: HttpCase[], ours: Target, anchor: Target): Promise<UrlFigures[]> {
  const seen = { ours: await firstLook(cases, ours), anchor: await firstLook(cases, anchor) };
  const runs = (): Runs => ({ saturated: [], fixed: [], burst: [] });
  const state = cases.map(() => ({ ours: runs(), anchor: runs(), cpu: { ours: { ms: 0 }, anchor: { ms: 0 } } }));
  if (SECONDS.warmup) {
    console.log("warm-up…");
    for (const c of cases) for (const t of [ours, anchor]) await load(`${t.base}${c.path}`, { cookie: t.cookie, seconds: SECONDS.warmup });
  }
  for (let run = 1; run <= RUNS; run++) {
    for (const [i, c] of cases.entries()) {
      console.log(`run ${run}/${RUNS}: ${c.path}`);
      // Alternating which server goes first, so that drift in the machine's load falls on both.
      const order = (run + i) % 2 ? (["anchor", "ours"] as const) : (["ours", "anchor"] as const);
      for (const k of order) await measure(k === "ours" ? ours : anchor, c, state[i]![k], state[i]!.cpu[k]);
    }
  }
  return cases.map((c, i) => {
    const s = state[i]!;
    return {
      c,
      ours: side(s.ours, s.cpu.ours.ms, seen.ours[i]!.bytes),
      anchor: side(s.anchor, s.cpu.anchor.ms, seen.anchor[i]!.bytes),
      oursShowsRow: seen.ours[i]!.showsRow,
      anchorShowsRow: seen.anchor[i]!.showsRow,
    };
  });
}

async function main() {
  const t0 = Date.now();
  const loadAverage = [os.loadavg()[0]!];
  console.log(`generating ${SIZE.entities} entities, ${SIZE.packages} packages…`);
  const db = await benchDatabase(SIZE);
  let web: Served | undefined;
  let anchor: Anchor | undefined;
  try {
    [web, anchor] = await Promise.all([startNext(), startHttpAnchor()]);
    const cookie = await signIn(web.url);
    const ours: Target = { base: web.url, pid: web.pid, cookie };
    const page1 = await getPage(`${web.url}/admin/packages`, cookie);
    if (page1.status !== 200) throw new Error(`/admin/packages answered ${page1.status} to the signed-in operator`);
    const deepSp = await deepPageParams(page1.html, async (p) => (await getPage(new URL(p, `${web!.url}/admin/packages`).href, cookie)).html, DEPTH);
    const cases = await httpCases({ sp: deepSp, depth: DEPTH });
    const urls = await benchUrls(cases, ours, { base: anchor.url, pid: anchor.pid });
    loadAverage.push(os.loadavg()[0]!);
    const figures: HttpFigures = {
      smoke,
      machine: machine(),
      postgres: db.postgres,
      size: SIZE,
      generation: db.generation,
      rate: RATE,
      seconds: SECONDS,
      runs: RUNS,
      deep: {
        depth: DEPTH,
        how: deepSp.page ? `?page=${deepSp.page}, the pager's own parameter, since page 1 links no cursor` : `page 1's next-page link followed ${DEPTH - 1} times, to ${cases[1]!.path}`,
        expectLabel: cases[1]!.expectLabel,
        offsetLabel: await labelAtOffset((DEPTH - 1) * PER_PAGE),
      },
      urls,
      loadAverage,
    };
    await fileBench("http", renderHttpReport(figures), httpSummary(figures), smoke);
    console.log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await anchor?.stop();
    await web?.stop();
    await db.stop();
  }
}

await main();
