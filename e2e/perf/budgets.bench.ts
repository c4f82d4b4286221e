import { budgetsSummary } from "./budgets-summary";
import { writeBenchSummary } from "./suite-report";
import { RESULTS, writeResultsSection } from "./results-file";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { closeDb, getSql } from "../../db";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { freePort } from "../../lib/runtime/processes";
import { benchBudgetMgt } from "./budgets-b6";
import { b6Sizes, generateBudgetTree, generateCostCategories, generateItems, generateManualLines } from "./budgets-data";
import { renderBudgetsReport, type BudgetsFigures } from "./budgets-report";
import { benchStockMgt } from "./budgets-stock";
import { b7Sizes, generateStock } from "./budgets-stock-data";
import { environment } from "./run-environment";
import { timeOnce } from "./measure";

// Issue 7, B6 and B7 (issue 6, "Scale it must hold"): budgetMgt over 1,000,000 expense lines then
// one changed line, and stockMgt over 100,000 consumptions then a burst of 1,000, each beside its
// anchor in the same run. A benchmark, not a test: it reports and asserts nothing (it does check
// every budget's figures to the cent against an independent computation, and the alerts against
// the crossings, and says so).
//
//   npm run bench:budgets                  full scale, writes its section of RESULTS.md
//   npm run bench:budgets -- --smoke       1/100 of the data, prints only (well under a minute)
//   … -- --render=FILE                     write the section again from a run's dumped figures

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const SCALE = smoke ? 100 : 1;
const FIGURES = path.join(os.tmpdir(), `dm-bench-budgets-figures${smoke ? "-smoke" : ""}.json`);

const writeSection = (section: string) => writeResultsSection("budgets", section);

async function sizes(): Promise<[string, number | string][]> {
  const [s] = await getSql()`select
    (select count(*) from budgets)::int as budgets,
    (select count(*) from budgets where parent_id is null)::int as roots,
    (select count(*) from plans)::int as plans,
    (select count(*) from programs)::int as programs,
    (select count(*) from campaigns where internal_name like 'bench-b-c-%')::int as campaigns,
    (select count(*) from campaigns where internal_name like 'bench-b-c-%' and budget_process = 'defined')::int as defined,
    (select count(*) from expense_lines)::int as lines,
    (select count(*) from expense_lines where real_amount is not null)::int as real_lines,
    (select count(*) from deliveries d join campaigns c on c.id = d.campaign_id where c.internal_name like 'bench-b-c-%')::int as deliveries,
    (select count(*) from campaign_tasks)::int as tasks,
    (select count(*) from invoices)::int as invoices,
    (select count(*) from invoice_lines il join invoices i on i.id = il.invoice_id where i.status = 'paid')::int as paid_lines,
    (select count(*) from invoice_lines)::int as invoice_lines,
    pg_size_pretty(pg_total_relation_size('expense_lines')) as lines_size`;
  const byStatus = await getSql()`select status, count(*)::int as n from campaigns where internal_name like 'bench-b-c-%' group by status order by status`;
  const byLevel = await getSql()`select commitment_level as l, count(*)::int as n from campaigns where internal_name like 'bench-b-c-%' and budget_process = 'defined' group by 1 order by 1`;
  return [
    ["budgets (roots + children)", `${s!.budgets} (${s!.roots} + ${s!.budgets - s!.roots})`],
    ["plans / programs", `${s!.plans} / ${s!.programs}`],
    ["campaigns (Defined)", `${s!.campaigns} (${s!.defined})`],
    ["campaigns by status", byStatus.map((r) => `${r.status} ${r.n}`).join(", ")],
    ["Defined campaigns by commitment level", byLevel.map((r) => `${r.l} ${r.n}`).join(", ")],
    ["expense lines before the first run (manual), with a real amount", `${s!.lines}, ${s!.real_lines}`],
    ["expense_lines table + indexes", s!.lines_size],
    ["deliveries / tasks (each gets a generated line)", `${s!.deliveries} / ${s!.tasks}`],
    ["invoices / invoice lines (of paid invoices)", `${s!.invoices} / ${s!.invoice_lines} (${s!.paid_lines})`],
  ];
}

async function main() {
  const render = args.find((a) => a.startsWith("--render="))?.slice("--render=".length);
  if (render) {
    const figures = JSON.parse(await readFile(render, "utf8")) as BudgetsFigures;
    const report = renderBudgetsReport(figures);
    console.log(report);
    if (!figures.env.smoke) await writeSection(report);
    return;
  }
  const started = Date.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), "dm-bench-budgets-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), persistent: false });
  const load = [os.loadavg()[0]!];
  const interrupted = async () => {
    await pg.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    process.env.DATABASE_URL = pg.url;
    process.env.APP_URL = "http://localhost:3000";
    await migrateDatabase(pg.url);
    const sql = getSql();
    const generation: [string, number][] = [];
    const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      let out: T;
      generation.push([name, await timeOnce(async () => void (out = await fn()))]);
      console.log(`generated: ${name} (${generation.at(-1)![1].toFixed(0)} ms)`);
      return out!;
    };
    const n = b6Sizes(SCALE);
    await step(`budget tree, ${n.plans} plans, ${n.programs} programs, ${n.campaigns} campaigns`, () => generateBudgetTree(sql, n));
    await step(`${n.manualLines} manual expense lines`, () => generateManualLines(sql, n));
    await step("cost categories and structures", () => generateCostCategories(sql));
    await step(`${n.deliveries} deliveries, ${n.tasks} tasks, ${n.invoices} invoices × 3 lines`, () => generateItems(sql, n));
    await step("VACUUM ANALYZE", () => sql`vacuum analyze`);
    const env = { ...(await environment(sql)), smoke, load, generation, sizes: await sizes() };

    const log = (s: string) => console.log(s);
    const b6 = await benchBudgetMgt({ runs: 3, incrementalRuns: smoke ? 5 : 15, whatIfRuns: smoke ? 1 : 3, log });
    load.push(os.loadavg()[0]!);

    const m = b7Sizes(SCALE);
    const stockGeneration = await timeOnce(() => generateStock(sql, m));
    generation.push([`B7: ${m.lines} stock lines, ${m.deliveries} consuming deliveries (+ ${m.idle} that do not), ${m.orders} orders + VACUUM ANALYZE`, stockGeneration]);
    console.log(`generated: B7 data (${stockGeneration.toFixed(0)} ms)`);
    const b7 = await benchStockMgt(m, { runs: 3, whatIfRuns: smoke ? 1 : 5, log });
    load.push(os.loadavg()[0]!);
    const figures: BudgetsFigures = { env: { ...env, totalSeconds: (Date.now() - started) / 1000 }, b6, b7 };
    await writeFile(FIGURES, JSON.stringify(figures));
    console.log(`figures dumped to ${FIGURES} (re-render with --render=${FIGURES})`);
    const report = renderBudgetsReport(figures);
    console.log(`\n${report}`);
    writeBenchSummary(budgetsSummary(figures));
    if (smoke) console.log("smoke run: RESULTS.md left as it is");
    else {
      await writeSection(report);
      console.log(`written its section of ${path.relative(process.cwd(), RESULTS)}`);
    }
    console.log(`whole benchmark: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await closeDb();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
