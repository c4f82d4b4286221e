import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { availabilityKey, scheduleAvailability } from "@/lib/orders/jobs";
import { publishKey, schedulePublication } from "@/lib/packages/jobs";

async function queuedKeys(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  // One bound JSON parameter, however many keys: no parameter limit, nothing spliced into the SQL.
  const rows = await tx.execute<{ key: string }>(
    sql`select key from graphile_worker._private_jobs where key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`,
  );
  return new Set([...rows].map((r) => r.key));
}

/**
 * operationMgt's sweep of scheduled package and order steps (§10): an approved package past its
 * availability date with no publication job, or an approved order past it with no Available job
 * (a job lost to a restore, a failed enqueue, a bug), gets its job back. The steps themselves are
 * guarded and idempotent, so re-queuing one that was about to run does no harm.
 */
export async function sweepOverdueSteps(tx: Tx): Promise<{ publications: number; availabilities: number }> {
  const packages = [
    ...(await tx.execute<{ id: string; revision: number; available_at: string }>(sql`
      select id, revision, available_at from packages where status = 'approved' and available_at <= now()`)),
  ];
  const publishing = await queuedKeys(tx, packages.map((p) => publishKey(p.id)));
  const lostPublications = packages.filter((p) => !publishing.has(publishKey(p.id)));
  for (const p of lostPublications) await schedulePublication(tx, p.id, p.revision, new Date(p.available_at));

  const orders = [
    ...(await tx.execute<{ id: string; available_at: string }>(sql`
      select o.id, p.available_at from orders o join packages p on p.id = o.package_id
      where o.status = 'approved' and p.available_at <= now() and (p.kind = 'local' or p.status = 'published')`)),
  ];
  const available = await queuedKeys(tx, orders.map((o) => availabilityKey(o.id)));
  const lostAvailabilities = orders.filter((o) => !available.has(availabilityKey(o.id)));
  for (const o of lostAvailabilities) await scheduleAvailability(tx, o.id, new Date(o.available_at));
  return { publications: lostPublications.length, availabilities: lostAvailabilities.length };
}
