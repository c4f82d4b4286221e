import { eq, sql } from "drizzle-orm";
import { Logger, makeWorkerUtils, runOnce, type WorkerUtils } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { notifications } from "../../db/schema";
import { sendNotification } from "../../jobs/tasks/send-notification";
import { closeTransport } from "../mail/transport";
import type { Actor } from "../auth/actor";
import { actorFor, createLocalEntity, createUser, uniq } from "../testing/factories";
import { useMailCatcher } from "../testing/mail-catcher";
import { retryNotificationDef } from "./actions";
import { listOutbox } from "./queries";
import { queueNotification, SEND_ATTEMPTS, SEND_NOTIFICATION } from "./queue";
import { givenUp } from "./retry";

// Issue 8, retries: a failing send follows graphile-worker's backoff, gives up after its
// attempts, shows in the outbox with its error, and an operator's Retry sends it once.
//
// The failing runs go through graphile-worker itself (runOnce), in a schema of this file's own:
// the shared test database's real queue has other files' jobs, which this file must not run.

const SCHEMA = "graphile_worker_retry_test";
// The failures are the point here: graphile-worker's error lines would only be noise.
const silent = new Logger(() => () => {});
const row = async (id: string) => (await getDb().query.notifications.findFirst({ where: eq(notifications.id, id) }))!;

describe("a send that keeps failing", () => {
  const catcher = useMailCatcher();
  let utils: WorkerUtils;
  let central: Actor;
  let local: Actor;
  const connectionString = () => process.env.DATABASE_URL!;
  const runJobs = () => runOnce({ connectionString: connectionString(), schema: SCHEMA, taskList: { [SEND_NOTIFICATION]: sendNotification }, logger: silent });
  const job = async (key: string) => {
    const [j] = await getDb().execute<{ attempts: number; max_attempts: number; last_error: string | null; wait_s: number }>(
      sql`select attempts, max_attempts, last_error, extract(epoch from run_at - now())::float8 as wait_s from ${sql.raw(SCHEMA)}._private_jobs where key = ${key}`,
    );
    return j!;
  };

  beforeAll(async () => {
    utils = await makeWorkerUtils({ connectionString: connectionString(), schema: SCHEMA, logger: silent });
    await utils.migrate();
    central = await actorFor((await createUser({ role: "central" })).id);
    const e = await createLocalEntity();
    local = await actorFor((await createUser({ role: "local", entityIds: [e.id] })).id);
  });
  afterAll(async () => {
    await utils.release();
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher().smtpPort}`;
    closeTransport();
  });

  it("waits e^n seconds after its n-th failure, gives up after its attempts, and a Retry sends it once", async () => {
    const to = `${uniq("retry")}@test.local`;
    const [n] = await getDb()
      .insert(notifications)
      .values({ eventKey: uniq("event"), recipient: to, template: "sign_in_link", subject: "Your sign-in link", payload: { name: "Ann", url: "http://portal.test/x", expiresMinutes: 15 } })
      .returning();
    const key = `retry-test:${n!.id}`;
    await utils.addJob(SEND_NOTIFICATION, { notificationIds: [n!.id] }, { jobKey: key, maxAttempts: SEND_ATTEMPTS });
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // nothing listens on the discard port
    closeTransport();

    for (let attempt = 1; attempt <= SEND_ATTEMPTS; attempt++) {
      await runJobs();
      const j = await job(key);
      expect(j.attempts).toBe(attempt);
      expect(j.last_error).toMatch(/1 of 1 emails not sent/);
      expect(await row(n!.id)).toMatchObject({ status: "failed", attempts: attempt });
      if (attempt <= 3) {
        // graphile-worker's backoff: e^attempts seconds (2.7 s, 7.4 s, 20.1 s).
        expect(j.wait_s).toBeGreaterThan(Math.exp(attempt) - 1.5);
        expect(j.wait_s).toBeLessThanOrEqual(Math.exp(attempt) + 0.1);
        // Run again without waiting it out; a run before its time does nothing.
        await runJobs();
        expect((await job(key)).attempts).toBe(attempt);
      }
      if (attempt < SEND_ATTEMPTS) await getDb().execute(sql`update ${sql.raw(SCHEMA)}._private_jobs set run_at = now() where key = ${key}`);
    }
    // Given up: the job stays, spent, and runs no more.
    await getDb().execute(sql`update ${sql.raw(SCHEMA)}._private_jobs set run_at = now() where key = ${key}`);
    await runJobs();
    expect(await job(key)).toMatchObject({ attempts: SEND_ATTEMPTS, max_attempts: SEND_ATTEMPTS });

    // The outbox shows it failed, with its error, as given up.
    const { rows } = await listOutbox(getDb(), { q: to, status: "failed", sort: "createdAt", desc: true, page: 1, perPage: 20 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: n!.id, status: "failed", attempts: SEND_ATTEMPTS, gaveUp: true, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });

    // Only central operators retry; a retry queues it with a job of its own, once.
    expect(await retryNotificationDef.run(local, { notificationId: n!.id })).toMatchObject({ ok: false });
    expect((await row(n!.id)).status).toBe("failed");
    expect(await retryNotificationDef.run(central, { notificationId: n!.id })).toMatchObject({ ok: true, data: { status: "queued" } });
    expect(await retryNotificationDef.run(central, { notificationId: n!.id })).toMatchObject({ ok: false, code: "conflict", error: expect.stringMatching(/queued now/) });
    const [retryJob] = await getDb().execute<{ attempts: number; max_attempts: number }>(
      sql`select attempts, max_attempts from graphile_worker.jobs where key = ${`notification-retry:${n!.id}`}`,
    );
    expect(retryJob).toMatchObject({ attempts: 0, max_attempts: SEND_ATTEMPTS });

    // The mail server is back: the retry job's run sends it, once.
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher().smtpPort}`;
    closeTransport();
    await sendNotification({ notificationIds: [n!.id] }, { logger: { debug() {}, info() {}, warn() {}, error() {} } } as never);
    await sendNotification({ notificationIds: [n!.id] }, { logger: { debug() {}, info() {}, warn() {}, error() {} } } as never);
    expect(catcher().messages().filter((m) => m.to.includes(to))).toHaveLength(1);
    expect(await row(n!.id)).toMatchObject({ status: "sent", attempts: SEND_ATTEMPTS + 1 });
  }, 60_000);

  it("refuses a Retry while a job will still try the email on its own", async () => {
    const to = `${uniq("live")}@test.local`;
    const id = (await getDb().transaction((tx) => queueNotification(tx, { eventKey: uniq("event"), recipient: to, template: "sign_in_link", payload: { name: "B", url: "http://portal.test/y", expiresMinutes: 15 } })))!;
    // Its job is queued (not given up); the row failed once.
    await getDb().update(notifications).set({ status: "failed", attempts: 1, lastError: "421 try later" }).where(eq(notifications.id, id));
    expect((await givenUp(getDb(), [id])).has(id)).toBe(false);
    expect(await retryNotificationDef.run(central, { notificationId: id })).toMatchObject({ ok: false, code: "conflict", error: expect.stringMatching(/retried automatically/) });
    expect(await retryNotificationDef.run(central, { notificationId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, code: "not_found" });
  });
});
