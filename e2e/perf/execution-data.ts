import type postgres from "postgres";
import type { TargetingCondition, TypologyRules, WorkflowActivity } from "../../db/schema";

// Set-based generators for the execution benchmark (issue 7, B4 and B5): one INSERT … SELECT per
// table, hashint4(i) instead of random() so that every run builds the same data set.

const FIRST = ["Ada", "Alan", "Anna", "Arno", "Axel", "Ben", "Bea", "Chloé", "David", "Emma", "Hugo", "Inès", "Jules", "Léa", "Louis", "Manon", "Noah", "Rose", "Tom", "Zoé"];
const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier"];
const arr = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

/** Ten segments, each exactly a tenth of the contacts: `seg-3` is the delivery's target. */
export const SEGMENTS = 10;
export const TARGET_SEGMENT = "seg-3";

/**
 * `n` contacts over the bench entities, 100 per entity at full scale, each entity holding the same
 * number of each segment. Attributes: segment (seg-0…seg-9, by i), city (200 values) and loyalty
 * (3 values), by hash; status: 2 % unsubscribed, 1 % bounced, by hash.
 * Foreign-key triggers are off for this one statement (session_replication_role = replica on a
 * throwaway cluster): every entity_id comes from the entities table, so nothing is lost.
 */
export async function generateContacts(sql: postgres.Sql, n: number) {
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await tx.unsafe(`
      with e as (select array_agg(id order by internal_name) as ids from entities where internal_name like 'bench-e-%'),
      g as (select i, abs(hashint4(i)::bigint) as h, abs(hashint4(i + 104729)::bigint) as h2 from generate_series(1, ${n}) i)
      insert into contacts (entity_id, email, first_name, last_name, attributes, status)
      select e.ids[1 + ((i - 1) / ${SEGMENTS}) % cardinality(e.ids)],
        'contact-' || i || '@bench.test',
        (${arr(FIRST)})[1 + h % ${FIRST.length}],
        (${arr(LAST)})[1 + h2 % ${LAST.length}],
        jsonb_build_object('segment', 'seg-' || (i % ${SEGMENTS}), 'city', 'City ' || lpad((h2 % 200)::text, 3, '0'), 'loyalty', (array['bronze','silver','gold'])[1 + h % 3]),
        (case when h % 100 < 2 then 'unsubscribed' when h % 100 < 3 then 'bounced' else 'active' end)::contact_status
      from g, e`);
  });
}

export type Fixture = {
  /** A started by-target-approval campaign: its Query reads every entity's contacts. */
  bta: { campaignId: string; templateId: string };
  /** A started reference campaign offered in a collaborative package, half the entities subscribed. */
  ref: { campaignId: string; templateId: string; subscribed: number };
  distributionId: string;
  typology: TypologyRules;
  pressureContacts: number;
};

export const TYPOLOGY: TypologyRules = { pressure: { maxMessages: 3, days: 30 }, excludeUnsubscribed: true, excludeBounced: true, controlGroupPercent: 5 };

export const DELIVERY_CONTENT = {
  subject: "{{firstName}}, {{offer}} at {{storeName}}",
  body: [
    "Dear {{firstName}} {{lastName}},",
    "{{storeName}} in {{city}} has a new offer for you: {{offer}}. As a {{loyalty}} member you get it one day early.",
    "See the offer at https://example.com/offer?utm_source=email&utm_campaign=spring and find your store at https://example.com/stores",
    "Kind regards,\nThe {{storeName}} team",
  ].join("\n\n"),
};

/**
 * The campaigns the benchmark runs: a by-target-approval reference (with a package whose orders
 * carry each entity's personalization values), a data distribution that gives each entity its
 * own contacts, a second reference offered to half the entities, and three earlier deliveries
 * that already reached 1 % of the target segment's active contacts three times (the pressure rule).
 */
export async function generateCampaigns(sql: postgres.Sql, opts: { contacts: number }): Promise<Fixture> {
  const [t1] = await sql`insert into campaign_templates (label, internal_name, distribution_level, collaborative_type)
    values ('Bench by target approval', 'bench-bta', 'collaborative', 'by_target_approval') returning id`;
  const [t2] = await sql`insert into campaign_templates (label, internal_name, distribution_level, collaborative_type)
    values ('Bench simple', 'bench-simple', 'collaborative', 'simple') returning id`;
  const [c1] = await sql`insert into campaigns (label, internal_name, template_id, status, typology, start_date, end_date)
    values ('Bench by target approval', 'bench-bta', ${t1!.id}, 'started', ${JSON.stringify(TYPOLOGY)}::jsonb, now() - interval '1 day', now() + interval '30 days') returning id`;
  const [c2] = await sql`insert into campaigns (label, internal_name, template_id, status, typology, start_date, end_date)
    values ('Bench subscribed', 'bench-ref', ${t2!.id}, 'started', ${JSON.stringify(TYPOLOGY)}::jsonb, now() - interval '1 day', now() + interval '30 days') returning id`;
  // Packages on both: the first carries personalization values for every entity, the second
  // decides who is subscribed (every other entity, orders approved).
  for (const [campaignId, tag, every] of [[c1!.id, "bta", 1], [c2!.id, "ref", 2]] as const) {
    const [p] = await sql`
      insert into packages (kind, label, internal_name, folder, reference_campaign_id, start_at, end_at, available_at, status, status_changed_at)
      values ('collaborative', ${`Bench ${tag}`}, ${`bench-exec-${tag}`}, 'Bench', ${campaignId}, now() - interval '1 day', now() + interval '30 days', now() - interval '1 day', 'published', now())
      returning id`;
    await sql.unsafe(`
      insert into orders (package_id, entity_id, label, status, parameters)
      select $1, id, 'Order of ' || label, 'available',
        jsonb_build_object('storeName', 'Store ' || substr(internal_name, 9), 'offer', (array['-20 % on shoes', '2 for 1 on coffee', 'free delivery'])[1 + n % 3])
      from (select id, label, internal_name, row_number() over (order by internal_name) as n from entities where internal_name like 'bench-e-%') e
      where n % ${every} = 0`, [p!.id]);
  }
  const [sub] = await sql`select count(distinct o.entity_id)::int as n from orders o join packages p on p.id = o.package_id where p.reference_campaign_id = ${c2!.id}`;
  const [d] = await sql`insert into data_distributions (label, field, type) values ('Bench by entity', 'entity', 'fixed_size') returning id`;
  await sql`
    insert into data_distribution_rows (distribution_id, position, value, entity_id, "limit")
    select ${d!.id}, row_number() over (order by internal_name)::int, internal_name, id, 0 from entities where internal_name like 'bench-e-%'`;
  // Pressure: three finished deliveries of an earlier campaign reached the same 1 % of the
  // target segment's active contacts yesterday.
  const [c3] = await sql`insert into campaigns (label, internal_name, status) values ('Bench earlier', 'bench-earlier', 'finished') returning id`;
  const pressureContacts = Math.max(1, Math.floor(opts.contacts / SEGMENTS / 100));
  for (let i = 1; i <= 3; i++) {
    const [del] = await sql`insert into deliveries (campaign_id, label, status, subject, body) values (${c3!.id}, ${`Earlier ${i}`}, 'finished', 'Earlier', 'Earlier') returning id`;
    await sql`
      insert into delivery_messages (delivery_id, contact_id, entity_id, email, status, sent_at)
      select ${del!.id}, id, entity_id, email, 'sent', now() - interval '1 day'
      from contacts where attributes ->> 'segment' = ${TARGET_SEGMENT} and status = 'active'
      order by email limit ${pressureContacts}`;
  }
  return {
    bta: { campaignId: c1!.id, templateId: t1!.id },
    ref: { campaignId: c2!.id, templateId: t2!.id, subscribed: sub!.n },
    distributionId: d!.id,
    typology: TYPOLOGY,
    pressureContacts,
  };
}

/** A started workflow on a campaign; activities optional (runQuery only needs the row). */
export async function createWorkflow(sql: postgres.Sql, campaignId: string, label: string, targeting: TargetingCondition[], activities: WorkflowActivity[] = []): Promise<string> {
  const [w] = await sql`insert into workflows (campaign_id, label, status, targeting, activities)
    values (${campaignId}, ${label}, 'started', ${JSON.stringify(targeting)}::jsonb, ${JSON.stringify(activities)}::jsonb) returning id`;
  return w!.id as string;
}

export async function createDelivery(sql: postgres.Sql, campaignId: string, workflowId: string, label: string, status: "pending_confirmation" | "in_progress"): Promise<string> {
  const [d] = await sql`insert into deliveries (campaign_id, workflow_id, label, status, subject, body)
    values (${campaignId}, ${workflowId}, ${label}, ${status}, ${DELIVERY_CONTENT.subject}, ${DELIVERY_CONTENT.body}) returning id`;
  return d!.id as string;
}
