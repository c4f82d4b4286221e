import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { retryNotification } from "./retry";

export const retryNotificationSchema = z.object({ notificationId: z.uuid() });

/** The outbox's Retry (central operators): an email graphile-worker gave up on is sent again. */
export const retryNotificationDef = defineAction({
  name: "retryNotification",
  access: "central",
  schema: retryNotificationSchema,
  handler: ({ db }, { notificationId }) => db.transaction((tx) => retryNotification(tx, notificationId)),
});
