import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { campaignTemplates, contacts, dataDistributions, orders, packages, workflowTargets, type TargetingCondition } from "@/db/schema";
import { conditionsWhere } from "@/lib/campaigns/targeting";

/** `occurrenceOf`: an occurrence of a recurring or periodic campaign is offered through its model's packages. */
export type RunCampaign = { id: string; entityId: string | null; templateId: string | null; occurrenceOf?: string | null };

/**
 * Whose contacts a campaign's Query reads (§3): an entity's own campaign reads that entity's; a
 * by-target-approval reference reads every entity's, the entities being deduced from the
 * contacts; another reference reads its subscribed entities'. A central campaign offered in no
 * package reads the whole network. `null` means every entity.
 */
export async function populationScope(db: DbOrTx, campaign: RunCampaign): Promise<string[] | null> {
  if (campaign.entityId) return [campaign.entityId];
  if (campaign.templateId) {
    const [tpl] = await db.select({ type: campaignTemplates.collaborativeType }).from(campaignTemplates).where(eq(campaignTemplates.id, campaign.templateId));
    if (tpl?.type === "by_target_approval") return null;
  }
  const reference = campaign.occurrenceOf ?? campaign.id;
  const offered = await db.select({ id: packages.id }).from(packages).where(and(eq(packages.referenceCampaignId, reference), eq(packages.kind, "collaborative"))).limit(1);
  if (!offered.length) return null;
  const rows = await db
    .selectDistinct({ entityId: orders.entityId })
    .from(orders)
    .innerJoin(packages, eq(packages.id, orders.packageId))
    .where(and(eq(packages.referenceCampaignId, reference), eq(packages.kind, "collaborative"), inArray(orders.status, ["approved", "available"])));
  return rows.map((r) => r.entityId);
}

/**
 * The Query activity: the targeted contacts become the run's population, in one INSERT … SELECT.
 * In entity order, so the primary key (workflow, entity, contact) is filled page after page
 * instead of at 100,000 random places (a third less time at that size, e2e/perf/RESULTS.md B5).
 */
export async function runQuery(tx: Tx, workflowId: string, campaign: RunCampaign, targeting: TargetingCondition[]): Promise<number> {
  await tx.delete(workflowTargets).where(eq(workflowTargets.workflowId, workflowId));
  const scope = await populationScope(tx, campaign);
  if (scope && !scope.length) return 0;
  const where = and(scope ? inArray(contacts.entityId, scope) : undefined, conditionsWhere(targeting));
  const inserted = await tx.execute(sql`
    insert into ${workflowTargets} (workflow_id, contact_id, entity_id)
    select ${workflowId}::uuid, ${contacts.id}, ${contacts.entityId} from ${contacts} ${where ? sql`where ${where}` : sql``}
    order by ${contacts.entityId}`);
  // The Split and the Local approval that follow in this transaction join these rows: without
  // fresh statistics the planner takes them for one row and nests loops, quadratic in the
  // population (10,000 targets: 46 s instead of 80 ms, e2e/perf/RESULTS.md).
  await tx.execute(sql`analyze ${workflowTargets}`);
  return inserted.count;
}

/** How many contacts remain after the activities run so far. */
export async function remaining(db: DbOrTx, workflowId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(workflowTargets).where(and(eq(workflowTargets.workflowId, workflowId), isNull(workflowTargets.excludedBy)));
  return row?.n ?? 0;
}

/**
 * Split by data distribution (§6): each contact's value of the distribution field picks a row;
 * a row keeps at most its limit (a count, or a percentage of that value's population; 0 = all),
 * chosen in a stable pseudo-random order so a rerun picks the same contacts. A contact whose
 * value has no row, or whose row names another entity than the contact's own, leaves the run:
 * contacts never cross from one entity to another.
 */
export async function runSplit(tx: Tx, workflowId: string, activityId: string, distributionId: string): Promise<number> {
  const [dist] = await tx.select().from(dataDistributions).where(eq(dataDistributions.id, distributionId));
  if (!dist) throw new Error(`data distribution ${distributionId} is gone`);
  const own: Record<string, string> = { email: "c.email", firstName: "c.first_name", lastName: "c.last_name" };
  const valueExpr =
    dist.field === "entity" ? sql`e.internal_name` : own[dist.field] ? sql.raw(own[dist.field]!) : sql`coalesce(c.attributes ->> ${dist.field}, '')`;
  const quota = dist.type === "percentage" ? sql`ceil(k.n * k.lim / 100.0)` : sql`k.lim`;
  await tx.execute(sql`
    with candidates as (
      select t.contact_id, r."limit" as lim,
        row_number() over (partition by r.id order by md5(t.contact_id::text || ${workflowId})) as rn,
        count(*) over (partition by r.id) as n
      from workflow_targets t
      join contacts c on c.id = t.contact_id
      join entities e on e.id = t.entity_id
      join data_distribution_rows r on r.distribution_id = ${distributionId} and lower(r.value) = lower(${valueExpr}) and r.entity_id = t.entity_id
      where t.workflow_id = ${workflowId} and t.excluded_by is null
    ), kept as (
      select k.contact_id from candidates k where k.lim = 0 or k.rn <= ${quota}
    )
    update workflow_targets t set excluded_by = ${activityId}, reason = 'split'
    where t.workflow_id = ${workflowId} and t.excluded_by is null
      and not exists (select 1 from kept where kept.contact_id = t.contact_id)`);
  return remaining(tx, workflowId);
}
