import { performance } from "node:perf_hooks";
import type postgres from "postgres";
import { appUrl } from "../../lib/links/urls";

/**
 * The cancel cascade of lib/packages/cascade.ts written as plain SQL in one transaction: the
 * same rows change, but recipients, outbox rows and jobs never leave the database. It is the
 * floor the app's version is compared with, not a replacement for it.
 */
export async function anchorCascade(sql: postgres.Sql, params: { packageId: string; revision: number }) {
  const { packageId, revision } = params;
  // Per-statement times, to set beside the app's: they show which costs no rewrite can remove.
  const steps: { statement: string; ms: number }[] = [];
  const timed = async <T>(statement: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await run();
    steps.push({ statement, ms: performance.now() - t0 });
    return out;
  };
  const result = await sql.begin(async (tx) => {
    const [cascade] = await timed("lock package_cascades row", () => tx`
      select finished_at from package_cascades where package_id = ${packageId} and revision = ${revision} for update`);
    if (!cascade || cascade.finished_at) return { ran: false, ordersCanceled: 0, entitiesNotified: 0, jobsAdded: 0 };
    const [pkg] = await timed("read package", () => tx`select label, cancel_comment, status_changed_at, reference_campaign_id as ref from packages where id = ${packageId}`);
    const ref = pkg!.ref as string;
    const canceled = await timed("update orders", () => tx`
      update orders set status = 'canceled', status_comment = ${pkg!.cancel_comment}, status_changed_at = now(), updated_at = now()
      where package_id = ${packageId} and status in ('ordered', 'approved', 'available')`);
    await timed("update campaign, workflows, deliveries", async () => {
      await tx`update campaigns set status = 'canceled' where id = ${ref} and status not in ('finished', 'canceled')`;
      await tx`update workflows set status = 'stopped', updated_at = now() where campaign_id = ${ref} and status not in ('finished', 'stopped')`;
      await tx`update deliveries set status = 'stopped', updated_at = now() where campaign_id = ${ref} and status not in ('finished', 'stopped', 'canceled')`;
    });
    // canceledOn approximates formatDateTime (en-GB, medium date, short time, UTC).
    const [out] = await timed("recipients → insert notifications → add_jobs (one statement)", () => tx`
      with concerned as (
        select entity_id from package_audience where package_id = ${packageId}
        union select entity_id from orders where package_id = ${packageId}),
      rcp as (
        select e.id, e.internal_name, e.label,
          coalesce(nullif(array_remove(array_agg(distinct u.email), null), '{}'), case when e.email is null then '{}' else array[e.email] end) as emails
        from concerned c join entities e on e.id = c.entity_id
        left join entity_group_members g on g.entity_id = e.id and g."group" = 'package_notification'
        left join users u on u.id = g.user_id and u.disabled_at is null
        where e.kind = 'local'
        group by e.id),
      ins as (
        insert into notifications (event_key, recipient, template, subject, payload, entity_id)
        select ${`package:${packageId}:cancel:${revision}:`}::text || r.id, array_to_string(r.emails, ', '), 'package_canceled',
          '[Cancellation of package] ' || ${pkg!.label}::text,
          jsonb_build_object('packageLabel', ${pkg!.label}::text, 'entityLabel', r.label,
            'canceledOn', to_char(${pkg!.status_changed_at}::timestamptz at time zone 'UTC', 'FMDD Mon YYYY, HH24:MI'),
            'comment', coalesce(${pkg!.cancel_comment}::text, ''), 'url', ${appUrl("/portal/")}::text || r.internal_name),
          r.id
        from rcp r where cardinality(r.emails) > 0
        on conflict (event_key) do nothing
        returning id)
      select (select count(*) from ins)::int as notified,
        (select count(*) from graphile_worker.add_jobs(array(
          select row('send_notification'::text, json_build_object('notificationId', id), null, null, 8, 'notification:' || id, 0, null)::graphile_worker.job_spec
          from ins)))::int as jobs`);
    await timed("finish package_cascades row", () => tx`
      update package_cascades set finished_at = now(), orders_canceled = ${canceled.count}, entities_notified = ${out!.notified}
      where package_id = ${packageId} and revision = ${revision}`);
    return { ran: true, ordersCanceled: canceled.count, entitiesNotified: out!.notified as number, jobsAdded: out!.jobs as number };
  });
  return { ...result, steps };
}
