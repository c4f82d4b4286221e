import type { Task } from "graphile-worker";
import { z } from "zod";
import { SEND_DELIVERY, sendJobKey } from "../../lib/deliveries/start";
import { sendDeliverySlice } from "../../lib/deliveries/send";

const payloadSchema = z.object({ deliveryId: z.uuid() });

/**
 * Sends an email delivery in slices of about twenty seconds: a long delivery never holds a worker
 * slot for long, and the next slice is queued under the same key (a running job's key makes a
 * new job, so there is always exactly one continuation).
 */
export const sendDeliveryTask: Task = async (raw, helpers) => {
  const { deliveryId } = payloadSchema.parse(raw);
  const outcome = await sendDeliverySlice(deliveryId, { sliceMs: Number(process.env.DELIVERY_SLICE_MS ?? 20_000) });
  if (outcome === "more" || outcome === "waiting") {
    const runAt = new Date(Date.now() + (outcome === "more" ? 0 : 30_000));
    await helpers.addJob(SEND_DELIVERY, { deliveryId }, { jobKey: sendJobKey(deliveryId), maxAttempts: 25, runAt });
  }
  helpers.logger.info(`delivery ${deliveryId}: ${outcome}`);
};
