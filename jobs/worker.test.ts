import { eq } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { notifications } from "../db/schema";
import { startMailCatcher, type MailCatcher } from "../lib/mail/catcher";
import { queueNotification, SEND_NOTIFICATION } from "../lib/notifications/queue";
import { uniq } from "../lib/testing/factories";
import { startWorker, stopWorker } from "./worker";

describe("the worker", () => {
  let catcher: MailCatcher;
  let runner: Runner;
  beforeAll(async () => {
    catcher = await startMailCatcher();
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
    // The shared test database holds other files' queued emails too: enough hands to get through them.
    runner = await startWorker({ concurrency: 8, only: [SEND_NOTIFICATION] });
  });
  afterAll(async () => {
    await stopWorker(runner);
    await catcher.stop();
  });

  it("picks up a job enqueued by SQL in a committed transaction and delivers the email", async () => {
    const to = `${uniq("w")}@test.local`;
    const id = await getDb().transaction((tx) =>
      queueNotification(tx, { eventKey: uniq("ev"), recipient: to, template: "sign_in_link", payload: { name: "W", url: "http://portal.test/x", expiresMinutes: 15 } }),
    );
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !catcher.messages().some((m) => m.to.includes(to))) await new Promise((r) => setTimeout(r, 100));
    expect(catcher.messages().filter((m) => m.to.includes(to))).toHaveLength(1);
    // The SMTP server has the message before the worker records it as sent: wait for that too.
    const status = async () => (await getDb().query.notifications.findFirst({ where: eq(notifications.id, id!) }))!.status;
    while (Date.now() < deadline && (await status()) !== "sent") await new Promise((r) => setTimeout(r, 100));
    expect(await status()).toBe("sent");
  }, 90_000);

  it("runs nothing for a transaction that rolled back", async () => {
    const to = `${uniq("rb")}@test.local`;
    await expect(
      getDb().transaction(async (tx) => {
        await queueNotification(tx, { eventKey: uniq("ev"), recipient: to, template: "sign_in_link", payload: { name: "W", url: "http://portal.test/x", expiresMinutes: 15 } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await new Promise((r) => setTimeout(r, 1500));
    expect(catcher.messages().filter((m) => m.to.includes(to))).toHaveLength(0);
    expect(await getDb().query.notifications.findFirst({ where: eq(notifications.recipient, to) })).toBeUndefined();
  });
});
