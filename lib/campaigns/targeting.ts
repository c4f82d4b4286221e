import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { contacts, deliveryMessages, type TargetingCondition, type TypologyRules } from "@/db/schema";

const columns = { email: contacts.email, firstName: contacts.firstName, lastName: contacts.lastName } as const;

function valueOf(field: string): SQL {
  const col = columns[field as keyof typeof columns];
  return col ? sql`${col}` : sql`coalesce(${contacts.attributes} ->> ${field}, '')`;
}

/** One targeting condition as SQL; values are bound parameters, never spliced. */
function conditionSql(c: TargetingCondition): SQL {
  const v = valueOf(c.field);
  switch (c.operator) {
    case "equals":
      return sql`lower(${v}) = lower(${c.value})`;
    case "not_equals":
      return sql`lower(${v}) <> lower(${c.value})`;
    case "contains":
      return sql`strpos(lower(${v}), lower(${c.value})) > 0`;
    case "is_empty":
      return sql`${v} = ''`;
    case "is_not_empty":
      return sql`${v} <> ''`;
  }
}

/** The conditions alone, for a population that spans every entity (by target approval). */
export function conditionsWhere(targeting: TargetingCondition[]): SQL | undefined {
  return targeting.length ? and(...targeting.map(conditionSql)) : undefined;
}

/** The contacts of one entity, or of several (a reference campaign's subscribed entities), that the conditions select. */
export function targetingWhere(entityId: string | string[], targeting: TargetingCondition[]): SQL {
  const scope = Array.isArray(entityId) ? inArray(contacts.entityId, entityId) : eq(contacts.entityId, entityId);
  return and(scope, ...targeting.map(conditionSql))!;
}

export type TargetEvaluation = {
  targeted: number;
  unsubscribed: number;
  bounced: number;
  pressure: number;
  controlGroup: number;
  final: number;
};

/**
 * Evaluate target (§4): how many of the entity's contacts the campaign would reach after its
 * typology rules, in the order a delivery applies them (lib/deliveries/start.ts): unsubscribed,
 * bounced, the pressure rule over the messages already sent, then the control group.
 * The control group is taken from what remains, rounded down, as the delivery will hold it back.
 */
export async function evaluateTarget(db: DbOrTx, entityId: string, targeting: TargetingCondition[], typology: TypologyRules): Promise<TargetEvaluation> {
  // Held back by the pressure rule: not already excluded above, and N messages sent within D days.
  const pressureCount = typology.pressure
    ? sql`count(*) filter (where not (${typology.excludeUnsubscribed} and ${contacts.status} = 'unsubscribed')
        and not (${typology.excludeBounced} and ${contacts.status} = 'bounced')
        and (select count(*) from ${deliveryMessages} m where m.contact_id = contacts.id and m.sent_at > now() - make_interval(days => ${typology.pressure.days})) >= ${typology.pressure.maxMessages})::int`
    : sql`0`;
  // One hand-written statement rather than drizzle's select builder: the campaign page calls this
  // for every entity it shows, and the builder's per-call work was as long as the query itself
  // (e2e/perf/RESULTS.md, B5).
  const [row] = await db.execute<{ targeted: number; unsubscribed: number; bounced: number; pressure: number }>(sql`
    select count(*)::int as targeted,
      count(*) filter (where ${contacts.status} = 'unsubscribed')::int as unsubscribed,
      count(*) filter (where ${contacts.status} = 'bounced')::int as bounced,
      ${pressureCount} as pressure
    from ${contacts}
    where ${targetingWhere(entityId, targeting)}`);
  const targeted = row?.targeted ?? 0;
  const unsubscribed = typology.excludeUnsubscribed ? (row?.unsubscribed ?? 0) : 0;
  const bounced = typology.excludeBounced ? (row?.bounced ?? 0) : 0;
  const pressure = row?.pressure ?? 0;
  const eligible = targeted - unsubscribed - bounced - pressure;
  const controlGroup = Math.floor((eligible * typology.controlGroupPercent) / 100);
  return { targeted, unsubscribed, bounced, pressure, controlGroup, final: eligible - controlGroup };
}
