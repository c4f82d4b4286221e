import { drizzle } from "drizzle-orm/postgres-js";
import type { Transporter } from "nodemailer";
import { getDb, getSql, schema, type Db } from "../../db";
import { getTransport } from "../../lib/mail/transport";
import { now } from "./execution-measure";

// B4: the phases of sendDeliverySlice, seen from outside lib/: the statements it sends (a drizzle
// logger on the app's pool) and the SMTP calls it makes (a wrapper around the pooled transport).

export class PhaseClock {
  private b: { s: number; c: number; first: number; last: number; done: number; n: number; resolved: number } | null = null;
  p: Phases = { batches: 0, messages: 0, statusRead: 0, claim: 0, renderSubmit: 0, smtp: 0, settle: 0, rest: 0, wall: 0 };

  private close(at: number) {
    const b = this.b;
    if (b && b.n > 0 && b.done) {
      this.p.batches += 1;
      this.p.messages += b.n;
      this.p.statusRead += b.c - b.s;
      this.p.claim += b.first - b.c;
      this.p.renderSubmit += b.last - b.first;
      this.p.smtp += b.done - b.last;
      this.p.settle += at - b.done;
    }
    this.b = null;
  }
  onQuery(q: string) {
    const t = now();
    if (q.startsWith('select "status" from "deliveries"')) {
      this.close(t);
      this.b = { s: t, c: t, first: 0, last: 0, done: 0, n: 0, resolved: 0 };
    } else if (this.b && q.includes("set status = 'sending'")) this.b.c = t;
  }
  onCall() {
    const t = now();
    if (!this.b) return;
    if (!this.b.first) this.b.first = t;
    this.b.last = t;
    this.b.n += 1;
  }
  onSettled() {
    if (!this.b) return;
    this.b.resolved += 1;
    if (this.b.resolved === this.b.n) this.b.done = now();
  }
  finish(wall: number) {
    this.close(now());
    const p = this.p;
    p.wall = wall;
    p.rest = wall - (p.statusRead + p.claim + p.renderSubmit + p.smtp + p.settle);
    return p;
  }
}

type Cache = { db?: Db };

/** Runs fn with getDb() answering a logged drizzle instance and the app's transport wrapped. */
export async function withPhaseClock<T>(clock: PhaseClock, fn: () => Promise<T>): Promise<T> {
  const cache = (globalThis as { __dmDb?: Cache }).__dmDb!;
  getDb();
  const original = cache.db!;
  cache.db = drizzle(getSql(), { schema, logger: { logQuery: (q) => clock.onQuery(q) } });
  const transport = getTransport();
  const sendMail = transport.sendMail.bind(transport);
  transport.sendMail = ((mail: Parameters<Transporter["sendMail"]>[0]) => {
    clock.onCall();
    const p = sendMail(mail);
    p.then(
      () => clock.onSettled(),
      () => clock.onSettled(),
    );
    return p;
  }) as Transporter["sendMail"];
  try {
    return await fn();
  } finally {
    cache.db = original;
    transport.sendMail = sendMail as Transporter["sendMail"];
  }
}

export type Phases = {
  batches: number;
  messages: number;
  /** Sums over batches, ms. */
  statusRead: number;
  claim: number;
  renderSubmit: number;
  smtp: number;
  settle: number;
  /** Wall time of the whole send minus the sums above: slice start (order values, sweep), the final empty claim and finish. */
  rest: number;
  wall: number;
};

