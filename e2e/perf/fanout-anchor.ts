import { randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import type postgres from "postgres";
import { getSql } from "../../db";
import { appUrl } from "../../lib/links/urls";
import { mailFrom, transportUrl } from "../../lib/mail/transport";
import { renderEmail } from "../../lib/notifications/templates";
import { pgCpuMs, type Cpu } from "./execution-cpu";
import { now, rolledBackSql } from "./execution-measure";
import { DOMAIN } from "./fanout-run";
import { arrivalRate, watchSink, type Arrival } from "./fanout-watch";
import type { Sink, SinkStats } from "./smtp-sink";

// B2's anchor, in two parts: the outbox written by hand (one INSERT … SELECT of the notification
// rows, one add_jobs over them, in one statement, in a transaction that is rolled back so that no
// worker sends them), and a bare nodemailer pool sending as many pre-rendered messages to the sink.


export type AnchorQueue = { ms: number; rows: number; jobs: number };

export async function anchorQueue(sql: postgres.Sql, packageId: string): Promise<AnchorQueue> {
  const [pkg] = await sql`select label, description, message_for_entities as message, revision from packages where id = ${packageId}`;
  return rolledBackSql(sql, async (tx) => {
    const t0 = now();
    const [r] = await tx`
      with ins as (
        insert into notifications (event_key, recipient, template, subject, payload, entity_id)
        select ${`anchor:${packageId}:`}::text || e.id || ':' || u.email, u.email, 'new_catalog_entry', ${`[New catalog entry] ${pkg!.label}`}::text,
          jsonb_build_object('packageLabel', ${pkg!.label}::text, 'entityLabel', e.label, 'description', ${pkg!.description}::text,
            'message', ${pkg!.message}::text, 'url', ${appUrl("/portal/")}::text || e.internal_name || ${`/catalog/${packageId}`}::text,
            'attachmentIds', '[]'::jsonb),
          e.id
        from package_audience a
        join entities e on e.id = a.entity_id
        join entity_group_members g on g.entity_id = e.id and g."group" = 'package_notification'
        join users u on u.id = g.user_id and u.disabled_at is null
        where a.package_id = ${packageId}
        on conflict (event_key) do nothing
        returning id)
      select (select count(*) from ins)::int as rows,
        (select count(*) from graphile_worker.add_jobs(array(
          select row('send_notification'::text, json_build_object('notificationId', id), null, null, 8, 'notification:' || id, 0, null)::graphile_worker.job_spec
          from ins)))::int as jobs`;
    return { ms: now() - t0, rows: r!.rows as number, jobs: r!.jobs as number };
  });
}

type Mail = { from: string; to: string; subject: string; text: string; html: string; headers: Record<string, string> };

/** The app's [New catalog entry] email for each recipient of the package, rendered once, links made up. */
export async function anchorMessages(packageId: string): Promise<Mail[]> {
  const rows = await getSql()`select e.label, e.internal_name, u.email, p.label as package_label, p.description, p.message_for_entities as message
    from package_audience a join packages p on p.id = a.package_id join entities e on e.id = a.entity_id
    join entity_group_members g on g.entity_id = e.id and g."group" = 'package_notification' join users u on u.id = g.user_id
    where a.package_id = ${packageId}`;
  return rows.map((r) => {
    const email = renderEmail("new_catalog_entry", {
      packageLabel: r.package_label as string,
      entityLabel: r.label as string,
      description: r.description as string,
      message: r.message as string,
      url: appUrl(`/links/${randomBytes(32).toString("base64url")}`),
    });
    return { from: mailFrom(), to: r.email as string, subject: email.subject, text: email.text, html: email.html, headers: { "X-DM-Template": "new_catalog_entry" } };
  });
}

export type AnchorSend = { rate: number; ms: number; arrival: Arrival; sink: SinkStats; failures: number; cpu: Cpu };

/** All messages handed to one pool at once (it queues them), built from SMTP_URL as the app's is. */
export async function anchorSend(sink: Sink, mails: Mail[], tag: string, dataDir: string, timeoutMs: number): Promise<AnchorSend> {
  const transport = nodemailer.createTransport(transportUrl(process.env.SMTP_URL!));
  await sink.reset();
  const app0 = process.cpuUsage();
  const pg0 = pgCpuMs(dataDir);
  const t0 = now();
  let failures = 0;
  const sends = mails.map((m, i) => transport.sendMail({ ...m, messageId: `<anchor-${tag}-${i}@${DOMAIN}>` }).catch(() => void failures++));
  const arrival = await watchSink(sink, mails.length, timeoutMs);
  await Promise.all(sends);
  const app = process.cpuUsage(app0);
  const pgMs = pgCpuMs(dataDir) - pg0;
  transport.close();
  const stats = await sink.stats();
  return {
    rate: arrivalRate(arrival),
    ms: arrival.lastAt - t0,
    arrival,
    sink: stats,
    failures,
    cpu: { appMs: (app.user + app.system) / 1000, sinkMs: stats.cpuMs, pgMs, wallMs: arrival.lastAt - t0 },
  };
}
