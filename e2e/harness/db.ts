import postgres from "postgres";

/** A short-lived connection for a spec's own setup and checks, against the portal's database. */
export async function withSql<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

/** A central reference campaign on a fresh collaborative template, running one workflow and delivery. */
export async function referenceCampaign(label: string, collaborativeType = "by_form"): Promise<string> {
  return withSql(async (sql) => {
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
    const [t] = await sql`insert into campaign_templates (label, internal_name, distribution_level, collaborative_type, web_interface_type)
      values (${`${label} template`}, ${`tpl-${stamp}`}, 'collaborative', ${collaborativeType}, 'by_form') returning id`;
    const [c] = await sql`insert into campaigns (label, internal_name, template_id, status) values (${label}, ${`cmp-${stamp}`}, ${t!.id}, 'started') returning id`;
    const [w] = await sql`insert into workflows (campaign_id, label, status) values (${c!.id}, 'Main', 'started') returning id`;
    await sql`insert into deliveries (campaign_id, workflow_id, label, status) values (${c!.id}, ${w!.id}, 'Wave 1', 'in_progress')`;
    return c!.id as string;
  });
}

/**
 * An approved by-campaign package for Paris Nord and Lyon Centre, with personalization fields,
 * whose publication job is queued: the worker publishes it and emails the entities, as in production.
 */
export async function approvedPackageAboutToPublish(label: string, approvalMode: "manual" | "automatic" = "manual"): Promise<string> {
  return withSql(async (sql) => {
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
    const fields = [
      { name: "storeName", label: "Store name", type: "text", required: true, help: "As your customers know it." },
      { name: "discountRate", label: "Discount rate (%)", type: "number", required: false, default: "10" },
      { name: "tone", label: "Tone", type: "select", required: true, options: ["Warm", "Formal"] },
    ];
    const [t] = await sql`insert into campaign_templates (label, internal_name, distribution_level, collaborative_type, web_interface_type, personalization_fields)
      values (${`${label} template`}, ${`tpl-${stamp}`}, 'collaborative', 'by_campaign', 'by_form', ${sql.json(fields)}) returning id`;
    const content = { subject: "{{storeName}}: {{discountRate}}% off", body: "Hello {{firstName}},\nCome and see us at {{storeName}}." };
    const [c] = await sql`insert into campaigns (label, internal_name, template_id, status, content)
      values (${`${label} reference`}, ${`cmp-${stamp}`}, ${t!.id}, 'started', ${sql.json(content)}) returning id`;
    await sql`insert into workflows (campaign_id, label, status, activities) values (${c!.id}, 'Main', 'being_edited', ${sql.json([
      { id: "q", kind: "query", label: "Targeting", next: ["d"] },
      { id: "d", kind: "delivery", label: "Email", next: ["e"] },
      { id: "e", kind: "end", label: "End", next: [] },
    ])})`;
    // Availability already reached, as at a real publication: orders become Available at once.
    const [p] = await sql`insert into packages (kind, label, internal_name, reference_campaign_id, limit_to_audience, start_at, end_at, available_at, registration_deadline, status, revision, approval_mode)
      values ('collaborative', ${label}, ${`pkg-${stamp}`}, ${c!.id}, true, now() - interval '1 day', now() + interval '30 days',
        now() - interval '1 hour', now() + interval '10 days', 'approved', 1, ${approvalMode}) returning id`;
    await sql`insert into package_audience (package_id, entity_id) select ${p!.id}, id from entities where internal_name in ('paris-nord', 'lyon-centre')`;
    await sql`select graphile_worker.add_job('publish_package', json_build_object('packageId', ${p!.id}::uuid, 'revision', 1), job_key => ${`package:${p!.id}:publish`})`;
    return p!.id as string;
  });
}
