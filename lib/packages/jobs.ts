import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { enqueueJob } from "@/jobs/enqueue";

// Job names and keys of the package lifecycle, in one place: a cancel or reinitialize must be
// able to find and remove exactly the jobs that a submit or an approval scheduled.
export const PUBLISH_PACKAGE = "publish_package";
export const REMIND_PACKAGE_APPROVAL = "remind_package_approval";
export const CASCADE_PACKAGE_CANCEL = "cascade_package_cancel";
export const MAX_REMINDERS = 5;

export const publishKey = (packageId: string) => `package:${packageId}:publish`;
export const reminderKey = (packageId: string, index: number) => `package:${packageId}:reminder:${index}`;
export const registrationReminderKey = (packageId: string, index: number) => `package:${packageId}:registration-reminder:${index}`;

export async function schedulePublication(tx: Tx, packageId: string, revision: number, availableAt: Date) {
  const runAt = availableAt.getTime() > Date.now() ? availableAt : undefined;
  await enqueueJob(tx, PUBLISH_PACKAGE, { packageId, revision }, { jobKey: publishKey(packageId), runAt });
}

export async function scheduleReminders(tx: Tx, packageId: string, revision: number, deadline: Date, daysBefore: number[]) {
  for (const [index, days] of daysBefore.slice(0, MAX_REMINDERS).entries()) {
    const runAt = new Date(deadline.getTime() - days * 86_400_000);
    if (runAt.getTime() > Date.now()) {
      await enqueueJob(tx, REMIND_PACKAGE_APPROVAL, { packageId, revision, index }, { jobKey: reminderKey(packageId, index), runAt });
    }
  }
}

/** Removes the scheduled steps of a package (publication, reminders) in the caller's transaction. */
export async function removeScheduledSteps(tx: Tx, packageId: string, which: { publication?: boolean; reminders?: boolean; registration?: boolean }) {
  const keys = [
    ...(which.publication ? [publishKey(packageId)] : []),
    ...(which.reminders ? Array.from({ length: MAX_REMINDERS }, (_, i) => reminderKey(packageId, i)) : []),
    ...(which.registration ? Array.from({ length: MAX_REMINDERS }, (_, i) => registrationReminderKey(packageId, i)) : []),
  ];
  for (const key of keys) await tx.execute(sql`select graphile_worker.remove_job(${key})`);
}
