import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { enqueueJob } from "@/jobs/enqueue";
import { MAX_REMINDERS, registrationReminderKey } from "@/lib/packages/jobs";
import { uuidArray } from "@/lib/sql-arrays";

export const MAKE_ORDER_AVAILABLE = "make_order_available";
export const REMIND_REGISTRATION = "remind_registration";

export const availabilityKey = (orderId: string) => `order:${orderId}:available`;

/** Approved + availability date reached → Available (§4): at once when the date has passed. */
export async function scheduleAvailability(tx: Tx, orderId: string, availableAt: Date) {
  const runAt = availableAt.getTime() > Date.now() ? availableAt : undefined;
  await enqueueJob(tx, MAKE_ORDER_AVAILABLE, { orderId }, { jobKey: availabilityKey(orderId), runAt });
}

/** The same for many orders in one statement (pre-subscription of a whole audience). */
export async function scheduleAvailabilityMany(tx: Tx, orderIds: string[], availableAt: Date) {
  const runAt = availableAt.getTime() > Date.now() ? availableAt.toISOString() : null;
  for (let i = 0; i < orderIds.length; i += 1000) {
    await tx.execute(sql`select graphile_worker.add_jobs(array(
      select row(${MAKE_ORDER_AVAILABLE}::text, json_build_object('orderId', id), null, ${runAt}::timestamptz, 10, 'order:' || id || ':available', 0, null)::graphile_worker.job_spec
      from unnest(${uuidArray(orderIds.slice(i, i + 1000))}) as id
    ))`);
  }
}


/** Registration-deadline reminders at the package's reminder delays (§5). */
export async function scheduleRegistrationReminders(tx: Tx, pkg: { id: string; revision: number; registrationDeadline: Date | null; reminderDaysBefore: number[] }) {
  if (!pkg.registrationDeadline) return;
  for (const [index, days] of pkg.reminderDaysBefore.slice(0, MAX_REMINDERS).entries()) {
    const runAt = new Date(pkg.registrationDeadline.getTime() - days * 86_400_000);
    if (runAt.getTime() > Date.now()) {
      await enqueueJob(tx, REMIND_REGISTRATION, { packageId: pkg.id, revision: pkg.revision, index }, { jobKey: registrationReminderKey(pkg.id, index), runAt });
    }
  }
}
