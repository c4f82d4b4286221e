import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db";
import { makeOrderAvailable } from "../../lib/orders/available";
import { remindRegistration } from "../../lib/orders/registration-reminders";

const availablePayload = z.object({ orderId: z.uuid() });

export const makeOrderAvailableTask: Task = async (raw) => {
  const { orderId } = availablePayload.parse(raw);
  await getDb().transaction((tx) => makeOrderAvailable(tx, orderId));
};

const reminderPayload = z.object({ packageId: z.uuid(), revision: z.number().int(), index: z.number().int().min(0) });

export const remindRegistrationTask: Task = async (raw) => {
  const payload = reminderPayload.parse(raw);
  await getDb().transaction((tx) => remindRegistration(tx, payload));
};
