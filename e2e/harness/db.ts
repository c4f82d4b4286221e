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
