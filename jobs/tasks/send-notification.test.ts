import { eq, sql } from "drizzle-orm";
import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { notifications } from "../../db/schema";
import { startMailCatcher, type MailCatcher } from "../../lib/mail/catcher";
import { closeTransport } from "../../lib/mail/transport";
import { queueNotification } from "../../lib/notifications/queue";
import { uniq } from "../../lib/testing/factories";
import { sendNotification } from "./send-notification";

const helpers = { logger: { debug() {}, info() {}, warn() {}, error() {} } } as unknown as JobHelpers;

async function queue(recipient = `${uniq("r")}@test.local`, eventKey = uniq("event")) {
  return getDb().transaction((tx) =>
    queueNotification(tx, { eventKey, recipient, template: "sign_in_link", payload: { name: "Ann <b>", url: "http://portal.test/links/abc", expiresMinutes: 15 } }),
  );
}

describe("send_notification", () => {
  let catcher: MailCatcher;
  beforeAll(async () => {
    catcher = await startMailCatcher();
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
  });
  afterAll(async () => {
    closeTransport();
    await catcher.stop();
  });
  const received = (to: string) => catcher.messages().filter((m) => m.to.includes(to));

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
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
    closeTransport();
    await sendNotification({ notificationId: id }, helpers);
    expect(received(to)).toHaveLength(1);
    expect(await getDb().query.notifications.findFirst({ where: eq(notifications.id, id) })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("enqueues with a job key and a bounded number of attempts", async () => {
    const id = (await queue())!;
    const [job] = await getDb().execute<{ max_attempts: number; task_identifier: string }>(
      sql`select max_attempts, task_identifier from graphile_worker.jobs where key = ${`notification:${id}`}`,
    );
    expect(job).toMatchObject({ max_attempts: 8, task_identifier: "send_notification" });
  });
});
