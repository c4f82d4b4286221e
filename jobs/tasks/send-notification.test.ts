import { eq, inArray, sql } from "drizzle-orm";
import type { JobHelpers } from "graphile-worker";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "../../db";
import { notifications } from "../../db/schema";
import { closeTransport } from "../../lib/mail/transport";
import { createActionToken } from "../../lib/links/tokens";
import { queueNotification, queueNotifications } from "../../lib/notifications/queue";
import { uniq } from "../../lib/testing/factories";
import { useMailCatcher } from "../../lib/testing/mail-catcher";
import { sendNotification } from "./send-notification";

const helpers = { logger: { debug() {}, info() {}, warn() {}, error() {} } } as unknown as JobHelpers;

async function queue(recipient = `${uniq("r")}@test.local`, eventKey = uniq("event")) {
  return getDb().transaction((tx) =>
    queueNotification(tx, { eventKey, recipient, template: "sign_in_link", payload: { name: "Ann <b>", url: "http://portal.test/links/abc", expiresMinutes: 15 } }),
  );
}

describe("send_notification", () => {
  const catcher = useMailCatcher();
  const received = (to: string) => catcher().messages().filter((m) => m.to.includes(to));

  it("sends the email, records it, and escapes what the user typed", async () => {
    const to = `${uniq("a")}@test.local`;
    const id = (await queue(to))!;
    await sendNotification({ notificationId: id }, helpers);
    const [msg] = received(to);
    expect(msg!.subject).toBe("Your sign-in link for Distributed Marketing");
    expect(msg!.html).toContain("Ann &lt;b&gt;");
    const row = await getDb().query.notifications.findFirst({ where: eq(notifications.id, id) });
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(row!.providerMessageId).toBe(msg!.messageId);
    // The link's token is gone from the database once delivered.
    expect(row!.payload).toMatchObject({ url: "[sent]", name: "Ann <b>" });
  });

  it("never sends twice for one event: a second enqueue and a retried job add nothing", async () => {
    const to = `${uniq("b")}@test.local`;
    const key = uniq("event");
    const id = (await queue(to, key))!;
    expect(await queue(to, key)).toBeNull();
    await sendNotification({ notificationId: id }, helpers);
    await sendNotification({ notificationId: id }, helpers);
    expect(received(to)).toHaveLength(1);
  });

  it("resends once when a worker died before sending (row left 'sending')", async () => {
    const to = `${uniq("c")}@test.local`;
    const id = (await queue(to))!;
    await getDb().update(notifications).set({ status: "sending", attempts: 1 }).where(eq(notifications.id, id));
    await sendNotification({ notificationId: id }, helpers);
    await sendNotification({ notificationId: id }, helpers);
    expect(received(to)).toHaveLength(1);
    expect(await getDb().query.notifications.findFirst({ where: eq(notifications.id, id) })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("records a failure and throws so that graphile-worker retries with backoff", async () => {
    const to = `${uniq("d")}@test.local`;
    const id = (await queue(to))!;
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // nothing listens on the discard port
    closeTransport();
    await expect(sendNotification({ notificationId: id }, helpers)).rejects.toThrow();
    const failed = await getDb().query.notifications.findFirst({ where: eq(notifications.id, id) });
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed!.lastError).toBeTruthy();
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher().smtpPort}`;
    closeTransport();
    await sendNotification({ notificationId: id }, helpers);
    expect(received(to)).toHaveLength(1);
    expect(await getDb().query.notifications.findFirst({ where: eq(notifications.id, id) })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("keeps a link's token out of every log line and error, on failure as on success", async () => {
    const to = `${uniq("tok")}@test.local`;
    const { token } = await createActionToken(getDb(), { purpose: "sign_in", email: to });
    const url = `http://portal.test/links/${token}`;
    const id = (await getDb().transaction((tx) => queueNotification(tx, { eventKey: uniq("event"), recipient: to, template: "sign_in_link", payload: { name: "Ann", url, expiresMinutes: 15 } })))!;
    const lines: string[] = [];
    const record = (...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    const logging = { logger: { debug: record, info: record, warn: record, error: record } } as unknown as JobHelpers;
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m).mockImplementation(record));
    try {
      process.env.SMTP_URL = "smtp://127.0.0.1:9";
      closeTransport();
      const failure = await Promise.resolve()
        .then(() => sendNotification({ notificationId: id }, logging))
        .then(() => null, (e: Error) => e);
      expect(failure).toBeInstanceOf(Error);
      record(failure);
      process.env.SMTP_URL = `smtp://127.0.0.1:${catcher().smtpPort}`;
      closeTransport();
      await sendNotification({ notificationId: id }, logging);
    } finally {
      for (const s of spies) s.mockRestore();
    }
    const row = (await getDb().query.notifications.findFirst({ where: eq(notifications.id, id) }))!;
    // The email has it: it is the link. Nothing else does.
    expect(received(to)[0]!.text).toContain(token);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of [...lines, row.lastError ?? "", JSON.stringify(row.payload)]) expect(line).not.toContain(token);
  });

  it("enqueues with a job key and a bounded number of attempts", async () => {
    const id = (await queue())!;
    const [job] = await getDb().execute<{ max_attempts: number; task_identifier: string }>(
      sql`select max_attempts, task_identifier from graphile_worker.jobs where key = ${`notification:${id}`}`,
    );
    expect(job).toMatchObject({ max_attempts: 8, task_identifier: "send_notification" });
  });

  it("sends a batch once: each email with its own Message-ID, all settled together, nothing on a retry", async () => {
    const to = [1, 2, 3].map((i) => `${uniq(`batch${i}`)}@test.local`);
    const ids = await getDb().transaction((tx) =>
      queueNotifications(
        tx,
        to.map((recipient) => ({ eventKey: uniq("event"), recipient, template: "sign_in_link" as const, payload: { name: recipient, url: "http://portal.test/links/abc", expiresMinutes: 15 } })),
      ),
    );
    const [job] = await getDb().execute<{ ids: string[] }>(sql`
      select j.payload -> 'notificationIds' as ids from graphile_worker._private_jobs j where j.key = ${`notification:${[...ids].sort()[0]}`}`);
    expect([...job!.ids].sort()).toEqual([...ids].sort());
    await sendNotification({ notificationIds: ids }, helpers);
    await sendNotification({ notificationIds: ids }, helpers);
    const rows = await getDb().select().from(notifications).where(inArray(notifications.id, ids));
    for (const [i, recipient] of to.entries()) {
      const got = received(recipient);
      expect(got).toHaveLength(1);
      expect(got[0]!.text).toContain(`Hello ${recipient},`);
      const row = rows.find((r) => r.id === ids[i])!;
      expect(row).toMatchObject({ status: "sent", attempts: 1, providerMessageId: got[0]!.messageId, payload: { url: "[sent]", name: recipient } });
      expect(got[0]!.messageId).toBe(`<${row.id}@${new URL(process.env.APP_URL ?? "http://localhost").hostname}>`);
    }
  });

  it("settles what was sent and retries only what failed", async () => {
    const to = `${uniq("good")}@test.local`;
    const good = (await queue(to))!;
    const [bad] = await getDb()
      .insert(notifications)
      .values({ eventKey: uniq("event"), recipient: `${uniq("bad")}@test.local`, template: "no_such_template", subject: "?", payload: {} })
      .returning({ id: notifications.id });
    await expect(sendNotification({ notificationIds: [good, bad!.id] }, helpers)).rejects.toThrow(/1 of 2 emails not sent: unknown email template/);
    const after = await getDb().select().from(notifications).where(inArray(notifications.id, [good, bad!.id]));
    expect(after.find((r) => r.id === good)).toMatchObject({ status: "sent", attempts: 1 });
    expect(after.find((r) => r.id === bad!.id)).toMatchObject({ status: "failed", attempts: 1, lastError: "unknown email template no_such_template" });
    // graphile-worker's retry of the same job: the sent email is not claimed again.
    await expect(sendNotification({ notificationIds: [good, bad!.id] }, helpers)).rejects.toThrow();
    expect(received(to)).toHaveLength(1);
    expect((await getDb().select().from(notifications).where(inArray(notifications.id, [good, bad!.id]))).map((r) => [r.id === good, r.attempts]).sort()).toEqual([
      [false, 2],
      [true, 1],
    ]);
  });
});
