import { withSql } from "./db";

export type TargetApprovalRun = { campaignId: string; workflowId: string; deliveryId: string; paris: string[]; lyon: string[] };

/**
 * A central by-target-approval campaign whose start is asked for: Query (this run's segment) →
 * Split by entity → Local approval → an approved email Delivery → End. Paris Nord gets six
 * contacts (the last unsubscribed), Lyon Centre four (the last bounced). The worker carries the
 * start out, as operationMgt does in production.
 */
export async function targetApprovalCampaignStarting(label: string): Promise<TargetApprovalRun> {
  return withSql(async (sql) => {
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
    const people = async (entity: string, names: string[], lastStatus: string) => {
      const rows = names.map((n, i) => ({
        email: `${n.toLowerCase()}-${stamp}@customers.test`,
        first_name: n,
        last_name: "Client",
        status: i === names.length - 1 ? lastStatus : "active",
      }));
      const out: string[] = [];
      for (const r of rows) {
        await sql`insert into contacts (entity_id, email, first_name, last_name, status, attributes)
          select id, ${r.email}, ${r.first_name}, ${r.last_name}, ${r.status}::contact_status, ${sql.json({ segment: stamp })} from entities where internal_name = ${entity}`;
        out.push(r.email);
      }
      return out;
    };
    const paris = await people("paris-nord", ["Pauline", "Pierre", "Paul", "Perrine", "Pascal", "Prune"], "unsubscribed");
    const lyon = await people("lyon-centre", ["Louise", "Luc", "Lea", "Loic"], "bounced");
    const [d] = await sql`insert into data_distributions (label, field, type, approve_targeted) values (${`${label} stores`}, 'entity', 'fixed_size', true) returning id`;
    await sql`insert into data_distribution_rows (distribution_id, position, value, entity_id, "limit")
      select ${d!.id}, row_number() over (), internal_name, id, 0 from entities where internal_name in ('paris-nord', 'lyon-centre')`;
    const [t] = await sql`insert into campaign_templates (label, internal_name, distribution_level, collaborative_type, web_interface_type)
      values (${`${label} template`}, ${`tpl-${stamp}`}, 'collaborative', 'by_target_approval', 'preset') returning id`;
    const [c] = await sql`insert into campaigns (label, internal_name, template_id, status) values (${label}, ${`cmp-${stamp}`}, ${t!.id}, 'started') returning id`;
    const [w] = await sql`insert into workflows (campaign_id, label, status, pending_command, targeting)
      values (${c!.id}, 'Main', 'start_pending', 'start', ${sql.json([{ field: "segment", operator: "equals", value: stamp }])}) returning id`;
    const [del] = await sql`insert into deliveries (campaign_id, workflow_id, label, status, subject, body)
      values (${c!.id}, ${w!.id}, 'Gift email', 'pending_confirmation', ${`${label}: {{firstName}}, a gift for you`}, 'Hello {{firstName}},\n\nA gift awaits you: https://example.com/gift') returning id`;
    const activities = [
      { id: "q", kind: "query", label: "Segment", next: ["s"] },
      { id: "s", kind: "split", label: "By store", next: ["la"], distributionId: d!.id },
      { id: "la", kind: "local_approval", label: "Store approval", next: ["d"], distributionId: d!.id, deadlineDays: 3, reminderHours: [24] },
      { id: "d", kind: "delivery", label: "Gift email", next: ["e"], deliveryId: del!.id },
      { id: "e", kind: "end", label: "End", next: [] },
    ];
    await sql`update workflows set activities = ${sql.json(activities)} where id = ${w!.id}`;
    await runOperationMgt(sql);
    return { campaignId: c!.id, workflowId: w!.id, deliveryId: del!.id, paris, lyon };
  });
}

async function runOperationMgt(sql: Parameters<Parameters<typeof withSql>[0]>[0]) {
  await sql`select graphile_worker.add_job('run_technical_workflow', json_build_object('workflow', 'operationMgt', 'trigger', 'command'), job_key => 'technical:operationMgt:command', max_attempts => 1)`;
}

/** Lets a task's deadline pass, then asks operationMgt to run, as its next scheduled run would. */
export async function passApprovalDeadline(workflowId: string, entity: string) {
  await withSql(async (sql) => {
    await sql`update approval_tasks set deadline = now() - interval '1 second'
      where workflow_id = ${workflowId} and entity_id = (select id from entities where internal_name = ${entity})`;
    await runOperationMgt(sql);
  });
}
