import type { Transporter } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { getSql } from "../../db";
import { renderMessage, type RenderedMessage } from "../../lib/deliveries/render";
import { buildMessage } from "../../lib/mail/mime";
import { mailFrom } from "../../lib/mail/transport";

export const BATCH = 200; // sendDeliverySlice's default batch: the anchor keeps as many in flight.
export const DOMAIN = "localhost"; // APP_URL is http://localhost:3000 in the benchmark.

// B4's messages outside the app's send: rendering alone, MIME building alone (the app's builder,
// and nodemailer's composer that it replaced), and the anchor's pre-rendered sends.

type Row = { id: string; email: string; entity_id: string; first_name: string; last_name: string; attributes: Record<string, string> };

async function rowsOf(deliveryId: string, limit: number): Promise<Row[]> {
  return (await getSql()`select m.id, m.email, m.entity_id, c.first_name, c.last_name, c.attributes
    from delivery_messages m join contacts c on c.id = m.contact_id
    where m.delivery_id = ${deliveryId} and m.status in ('queued', 'sent') order by m.id limit ${limit}`) as unknown as Row[];
}

async function orderValues(campaignId: string): Promise<Map<string, Record<string, string>>> {
  const rows = await getSql()`select distinct on (o.entity_id) o.entity_id, o.parameters from orders o join packages p on p.id = o.package_id
    where p.reference_campaign_id = ${campaignId} and o.status in ('approved', 'available') order by o.entity_id, o.updated_at desc`;
  return new Map(rows.map((r) => [r.entity_id as string, r.parameters as Record<string, string>]));
}

const content = async (deliveryId: string) => (await getSql()`select subject, body from deliveries where id = ${deliveryId}`)[0] as { subject: string; body: string };

const render = (c: { subject: string; body: string }, r: Row, values: Map<string, Record<string, string>>) =>
  renderMessage(c, { email: r.email, firstName: r.first_name, lastName: r.last_name, attributes: r.attributes }, values.get(r.entity_id) ?? {}, r.id);

export const mailOf = (r: Row | { id: string; email: string }, msg: RenderedMessage, deliveryId: string, messageId: string) => ({
  from: mailFrom(),
  to: r.email,
  subject: msg.subject,
  text: msg.text,
  html: msg.html,
  messageId,
  headers: { "X-DM-Delivery": deliveryId, "List-Unsubscribe": `<${msg.unsubscribeUrl}>` },
});

export async function renderCost(deliveryId: string, campaignId: string, n: number) {
  const rows = await rowsOf(deliveryId, n);
  const values = await orderValues(campaignId);
  const c = await content(deliveryId);
  const cpu0 = process.cpuUsage();
  const rendered = rows.map((r) => render(c, r, values));
  const renderCpu = process.cpuUsage(cpu0);
  const renderMs = (renderCpu.user + renderCpu.system) / 1000;
  const mimeRows = rows.slice(0, Math.min(rows.length, 10_000));
  const mails = mimeRows.map((r, i) => mailOf(r, rendered[i]!, deliveryId, `<${r.id}@${DOMAIN}>`));
  let bytes = 0;
  const cpu1 = process.cpuUsage();
  for (const m of mails) bytes += buildMessage(m).raw.length;
  const mimeCpu = process.cpuUsage(cpu1);
  // nodemailer's composer and serializer, as the pool ran them for each message before lib/mail/mime.ts.
  const cpu2 = process.cpuUsage();
  for (const m of mails) await new MailComposer(m).compile().build();
  const composerCpu = process.cpuUsage(cpu2);
  const us = (c: NodeJS.CpuUsage) => (c.user + c.system) / mails.length;
  return { messages: rows.length, renderUs: (renderMs * 1000) / rows.length, mimeUs: us(mimeCpu), composerUs: us(composerCpu), bytes: bytes / mails.length };
}

// --- The anchor: pre-rendered messages, the same pool settings, BATCH in flight, no app logic. ---

export async function anchorSend(transport: Transporter, prepared: ReturnType<typeof mailOf>[], n: number, tag: string): Promise<number> {
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const m = prepared[i % prepared.length]!;
      try {
        await transport.sendMail({ ...m, messageId: `<anchor-${tag}-${i}@${DOMAIN}>` });
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: BATCH }, worker));
  return failures;
}

export async function prepareAnchor(deliveryId: string, campaignId: string): Promise<ReturnType<typeof mailOf>[]> {
  const rows = await rowsOf(deliveryId, 1000);
  const values = await orderValues(campaignId);
  const c = await content(deliveryId);
  return rows.map((r) => mailOf(r, render(c, r, values), deliveryId, ""));
}
