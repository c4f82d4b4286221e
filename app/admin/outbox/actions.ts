"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { retryNotificationDef } from "@/lib/notifications/actions";

export async function retryNotificationAction(input: { notificationId: string }) {
  const res = await invoke(retryNotificationDef, input);
  if (res.ok) revalidatePath("/admin/outbox");
  return res;
}
