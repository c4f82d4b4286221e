import { getSql } from "../../db";
import { generateCampaigns, generateContacts, type Fixture } from "./execution-data";
import { benchDatabase } from "./http-db";
import { load } from "./http-load";
import { getPage, signIn, startNext, type Served } from "./http-server";
import { machine } from "./machine";
import { prepareDeliveries, publishOverdueCatalog, queueFanout, startDelivery, workDone } from "./memory-load";
import { commandOf, processTree, treeRss } from "./memory-proc";
import { memorySummary, renderMemoryReport, type MemoryFigures, type RssSample } from "./memory-report";
import { startWorkerProcess } from "./memory-worker";
import { startSink, type Sink } from "./smtp-sink";
import { fileBench } from "./suite-report";

// Issue 7's B9: resident memory of `next start` and of the worker over ten minutes of B1's page 1
// at a fixed rate, while the worker sends B2's fan-outs and B4's deliveries into an SMTP sink.
// `-- --smoke`: 1/100 of the data, 20 seconds, prints and writes no RESULTS.md section.
const smoke = process.argv.includes("--smoke");
const SIZE = smoke ? { entities: 100, packages: 1_000, contacts: 10_000 } : { entities: 10_000, packages: 100_000, contacts: 1_000_000 };
const SECONDS = smoke ? 20 : 600;
const SAMPLE_EVERY = smoke ? 1 : 5;
const FANOUT_EVERY = smoke ? 5 : 60;
const DELIVERIES = smoke ? 2 : 4;
const IDLE_SECONDS = smoke ? 2 : 10;
const RATE = Number(process.env.BENCH_MEMORY_RATE ?? 20);

const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

async function newestLabel(): Promise<string> {
  const [r] = await getSql()`select label from packages order by created_at desc, id desc limit 1`;
  return r!.label as string;
}

async function pageShowsNewest(url: string, cookie: string): Promise<boolean> {
  const page = await getPage(`${url}/admin/packages`, cookie);
  return page.status === 200 && page.html.includes(await newestLabel());
}

/** Runs `fn` at each of `times` (seconds after now); resolves when all have run. */
async function at<T>(times: number[], fn: (i: number) => Promise<T>): Promise<{ t: number; out: T }[]> {
  const t0 = Date.now();
  return Promise.all(
    times.map(async (t, i) => {
      await sleep(t);
      return { t: (Date.now() - t0) / 1000, out: await fn(i) };
    }),
  );
}

// The sink counts from its start: every email the worker sends, seeded ones included.
async function run(web: Served, worker: Omit<Served, "url">, sink: Sink, deliveryIds: string[]) {
  await sleep(IDLE_SECONDS);
  const idle = { web: treeRss(web.pid), worker: treeRss(worker.pid) };
  const commands = { web: processTree(web.pid).map(commandOf), worker: processTree(worker.pid).map(commandOf) };
  const cookie = await signIn(web.url);
  const fanoutIds: string[] = [];
  await queueFanout("0").then((id) => fanoutIds.push(id));
  const before = await pageShowsNewest(web.url, cookie);

  console.log(`B9: ${SECONDS} s of page 1 at ${RATE} req/s, fan-outs every ${FANOUT_EVERY} s, ${deliveryIds.length} deliveries…`);
  const t0 = Date.now();
  const samples: RssSample[] = [];
  const sample = async () => samples.push({ t: (Date.now() - t0) / 1000, web: treeRss(web.pid), worker: treeRss(worker.pid), emails: (await sink.stats()).received });
  await sample();
  const sampler = setInterval(() => void sample(), SAMPLE_EVERY * 1000);
  const fanoutTimes = Array.from({ length: Math.ceil(SECONDS / FANOUT_EVERY) - 1 }, (_, i) => (i + 1) * FANOUT_EVERY);
  // Every delivery starts within the first tenth of the run (the first minute), so that from
  // minute 2 on the worker's load is steady: growth then shows what the worker keeps, not load
  // added. Started at 0, 150, 300 and 450 s, its RSS stepped up with each start (+14.4 %,
  // e2e/perf/RESULTS.md, 2026-11-24), and none had finished by minute 10.
  const deliveryTimes = deliveryIds.map((_, i) => (i * SECONDS) / 10 / deliveryIds.length);
  try {
    const [loadFig, , starts] = await Promise.all([
      load(`${web.url}/admin/packages`, { cookie, seconds: SECONDS, rate: RATE }),
      at(fanoutTimes, async (i) => fanoutIds.push(await queueFanout(String(i + 1)))),
      at(deliveryTimes, (i) => startDelivery(deliveryIds[i]!)),
    ]);
    await sample();
    const after = await pageShowsNewest(web.url, cookie);
    return { idle, commands, samples, load: loadFig, deliveryStarts: starts.map((s) => ({ t: s.t, messages: s.out })), pageShowsNewest: { before, after }, fanoutIds };
  } finally {
    clearInterval(sampler);
  }
}

async function main() {
  const t0 = Date.now();
  let fx: Fixture | undefined;
  let deliveryIds: string[] = [];
  console.log(`generating ${SIZE.entities} entities, ${SIZE.packages} packages, ${SIZE.contacts} contacts…`);
  const db = await benchDatabase(SIZE, async (step) => {
    await step(`${SIZE.contacts} contacts`, () => generateContacts(getSql(), SIZE.contacts));
    await step("campaigns, distribution, earlier deliveries", async () => (fx = await generateCampaigns(getSql(), { contacts: SIZE.contacts })));
    await step("approved packages past their availability, published (publishOverdueCatalog)", () => publishOverdueCatalog(getSql()));
  });
  let sink: Sink | undefined;
  let web: Served | undefined;
  let worker: Omit<Served, "url"> | undefined;
  try {
    // Before the worker starts: its deliveryMgt would start them as soon as they are reached.
    const t = Date.now();
    deliveryIds = await prepareDeliveries(fx!, DELIVERIES);
    db.generation.push([`${DELIVERIES} deliveries' workflows, up to Start pending (setupDelivery)`, Date.now() - t]);
    sink = await startSink();
    const smtp = `smtp://127.0.0.1:${sink.port}`;
    web = await startNext({ SMTP_URL: smtp });
    const [clock] = await getSql()`select now() as now`;
    const since = clock!.now as Date;
    worker = await startWorkerProcess(web.url, smtp);
    const r = await run(web, worker, sink, deliveryIds);
    console.log("stopping the worker (it finishes the jobs in hand)…");
    await worker.stop();
    const figures: MemoryFigures = {
      smoke,
      machine: machine(),
      postgres: db.postgres,
      size: SIZE,
      generation: db.generation,
      rate: RATE,
      seconds: SECONDS,
      sampleEvery: SAMPLE_EVERY,
      fanoutEvery: FANOUT_EVERY,
      deliveryStarts: r.deliveryStarts,
      idle: r.idle,
      commands: r.commands,
      samples: r.samples,
      load: r.load,
      work: await workDone(r.fanoutIds, deliveryIds, since),
      sink: await sink.stats(),
      entities: SIZE.entities,
      pageShowsNewest: r.pageShowsNewest,
    };
    await fileBench("memory", renderMemoryReport(figures), memorySummary(figures), smoke);
    console.log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await worker?.stop();
    await web?.stop();
    await sink?.stop();
    await db.stop();
  }
}

await main();
