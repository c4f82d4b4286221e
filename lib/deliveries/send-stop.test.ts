import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../../db";
import { deliveries } from "../../db/schema";
import { addContacts, distribution, targetApprovalCampaign } from "../testing/execution-factories";
import { twoTenants, uniq } from "../testing/factories";
import { advanceWorkflow } from "../execution/runner";
import { closeTransport } from "../mail/transport";
import { deliveryReport } from "./report";
import { sendDeliverySlice } from "./send";
import { startReadyDeliveries } from "./start";

// A slow SMTP server: each message is accepted 300 ms after its data starts, so a batch is still in
// flight when the test stops the delivery. It notes when it accepted each message.
const accepted: number[] = [];
let dataStarted: () => void = () => {};
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    dataStarted();
    stream.resume();
    stream.on("end", () =>
      setTimeout(() => {
        accepted.push(Date.now());
        callback();
      }, 300),
    );
  },
});

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "send-stop-test-secret";
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  closeTransport();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it("a Stop committed while a batch is in flight waits for it: no message goes out after the Stop", async () => {
  const t = await twoTenants();
  const segment = uniq("seg");
  await addContacts(t.a.id, Array.from({ length: 6 }, (_, i) => ({ first: `S${i}` })), segment);
  const dist = await distribution([{ value: t.a.internalName, entityId: t.a.id }]);
  const { workflow, delivery } = await targetApprovalCampaign({ segment, distributionId: dist.id, withApproval: false });
  const db = getDb();
  await db.transaction((tx) => advanceWorkflow(tx, workflow.id));
  await db.transaction((tx) => startReadyDeliveries(tx, { deliveryIds: [delivery.id] }));

  const inFlight = new Promise<void>((resolve) => (dataStarted = resolve));
  const sending = sendDeliverySlice(delivery.id, { batchSize: 2 });
  await inFlight;
  // The Stop's UPDATE, as stopDelivery and the cancel cascade run it.
  await db.update(deliveries).set({ status: "stopped" }).where(eq(deliveries.id, delivery.id));
  const stoppedAt = Date.now();

  expect(await sending).toBe("stopped");
  expect(accepted).toHaveLength(2);
  expect(accepted.filter((at) => at > stoppedAt)).toEqual([]);
  const { totals } = await deliveryReport(db, delivery.id);
  expect(totals).toMatchObject({ sent: 2, queued: 4 });
});
