import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import { appUrl } from "@/lib/links/urls";
import { queueNotifications, type QueuedEmail } from "@/lib/notifications/queue";
import { uuidArray } from "@/lib/sql-arrays";
import { transactionWatermark } from "@/lib/technical/watermark";

// stockMgt, **Stock: Orders and alerts** (§9, §10). Set-based statements in the caller's
// transaction, each writing only the rows whose value changes, so a second run writes nothing.
// Decisions: lib/stock/README.md.

export type StockMgtOptions = {
  /** Limits the run to these lines (tests and the benchmark, which share the database). */
  lineIds?: string[];
  /**
   * Re-add only the lines stamped since this watermark (an earlier run's `watermark`), and leave
   * consumptions to the triggers that keep them; null or absent = a full run, which reconciles
   * every consumption and re-adds every line.
   */
  since?: string | null;
};

export type StockMgtResult = {
  itemsHandled: number;
  details: {
    mode: "full" | "incremental";
    watermark: string;
    consumptionsChanged: number;
    ordersAdded: number;
    /** Lines whose figures were re-added: all in a full run, the stamped ones in an incremental run. */
    linesExamined: number;
    linesChanged: number;
    alertsRaised: number;
    alertsCleared: number;
    emails: number;
  };
};

const counted = async (tx: Tx, statement: SQL): Promise<number> => {
  const [row] = await tx.execute<{ n: number }>(sql`with changed as (${statement} returning 1) select count(*)::int as n from changed`);
  return row?.n ?? 0;
};

export async function runStockMgt(tx: Tx, opts: StockMgtOptions = {}): Promise<StockMgtResult> {
  // Two runs at once (the schedule and a "run soon") would only wait on each other's rows: one
  // after the other is as fast, and keeps each crossing's alert to exactly one run.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('stockMgt'))`);
  const watermark = await transactionWatermark(tx);
  const only = (column: SQL) => (opts.lineIds ? sql`and ${column} = any(${uuidArray(opts.lineIds)})` : sql``);

  // Triggers write a delivery's consumption in the delivery's own transaction (migration 0017);
  // the full run checks them against the deliveries, and fixes what was changed behind their back.
  const consumptionsChanged = opts.since ? 0 : (await syncConsumptions(tx, only)).reduce((a, b) => a + b, 0);

  // Orders are added on their delivery date, in UTC like every date of the portal.
  const ordersAdded = await counted(
    tx,
    sql`update stock_orders set added_at = now()
        where added_at is null and delivery_date <= (now() at time zone 'UTC')::date ${only(sql`stock_line_id`)}`,
  );

  // The lines to re-add: every line in a full run; in an incremental one, those whose
  // consumptions or initial stock changed since the watermark (stamped by migration 0017's
  // triggers), whose orders this run added, or never computed.
  const stale = opts.since
    ? sql`and (figures_changed_at >= ${opts.since}::timestamptz or computed_at is null
        or id in (select stock_line_id from stock_orders where added_at >= ${opts.since}::timestamptz))`
    : sql``;
  const { count: linesExamined } = await tx.execute(sql`create temporary table stale_lines on commit drop as select id from stock_lines where true ${only(sql`id`)} ${stale}`);
  const linesChanged = await counted(
    tx,
    // Per line, through its index: a hundred stamped lines read their own rows, where a join read
    // every consumption. Materialized, so each line's sums are taken once, not again for the SET.
    sql`with f as materialized (
          select s.id,
                 coalesce((select sum(o.volume) from stock_orders o where o.stock_line_id = s.id and o.added_at is not null), 0)::int as ordered,
                 coalesce((select sum(c.quantity) from stock_consumptions c where c.stock_line_id = s.id), 0)::int as consumed
          from stale_lines s
        )
        update stock_lines l
        set ordered = f.ordered, consumed = f.consumed, in_stock = l.initial_stock + f.ordered - f.consumed, computed_at = now()
        from f
        where l.id = f.id
          and ((l.ordered, l.consumed, l.in_stock) is distinct from (f.ordered, f.consumed, l.initial_stock + f.ordered - f.consumed) or l.computed_at is null)`,
  );

  const raised = await raiseAlerts(tx, only);
  const alertsCleared = await counted(
    tx,
    sql`update stock_lines set alert_since = null where alert_since is not null and in_stock > alert_level ${only(sql`id`)}`,
  );

  const mode: StockMgtResult["details"]["mode"] = opts.since ? "incremental" : "full";
  const details = { mode, watermark, consumptionsChanged, ordersAdded, linesExamined, linesChanged, alertsRaised: raised.lines, alertsCleared, emails: raised.emails };
  return { itemsHandled: consumptionsChanged + ordersAdded + linesChanged + raised.lines + alertsCleared, details };
}

/**
 * A delivery consumes its targeted count from the stock line of its cost category, unless it was
 * canceled. Upsert the consumptions that are missing or differ, then delete those whose delivery
 * no longer consumes from that line. Rows without a delivery are not the deliveries' to manage.
 */
async function syncConsumptions(tx: Tx, only: (column: SQL) => SQL) {
  const upserted = await counted(
    tx,
    sql`insert into stock_consumptions (stock_line_id, delivery_id, campaign_id, quantity)
        select src.stock_line_id, src.delivery_id, src.campaign_id, src.quantity
        from (
          select cc.stock_line_id, d.id as delivery_id, d.campaign_id, d.targeted_count as quantity
          from deliveries d
          join cost_categories cc on cc.id = d.cost_category_id
          where cc.stock_line_id is not null and d.targeted_count is not null and d.status <> 'canceled' ${only(sql`cc.stock_line_id`)}
        ) src
        left join stock_consumptions sc on sc.delivery_id = src.delivery_id
        where sc.id is null or (sc.stock_line_id, sc.campaign_id, sc.quantity) is distinct from (src.stock_line_id, src.campaign_id, src.quantity)
        on conflict (delivery_id) do update
          set stock_line_id = excluded.stock_line_id, campaign_id = excluded.campaign_id, quantity = excluded.quantity, updated_at = now()
          where (stock_consumptions.stock_line_id, stock_consumptions.campaign_id, stock_consumptions.quantity)
                is distinct from (excluded.stock_line_id, excluded.campaign_id, excluded.quantity)`,
  );
  const deleted = await counted(
    tx,
    sql`delete from stock_consumptions sc
        where sc.delivery_id is not null ${only(sql`sc.stock_line_id`)}
          and not exists (
            select 1 from deliveries d join cost_categories cc on cc.id = d.cost_category_id
            where d.id = sc.delivery_id and cc.stock_line_id = sc.stock_line_id and d.targeted_count is not null and d.status <> 'canceled'
          )`,
  );
  return [upserted, deleted];
}

type Raised = { id: string; resource: string; in_stock: number; alert_level: number; alert_count: number; user_id: string | null; email: string | null };

/**
 * A line at or below its alert level that is not in alert yet: alert raised, its crossing
 * numbered, and one email per stock manager. The event key names the crossing, so however many
 * runs see the line in alert, the crossing is emailed once; the next crossing has a new number.
 */
async function raiseAlerts(tx: Tx, only: (column: SQL) => SQL): Promise<{ lines: number; emails: number }> {
  const rows = await tx.execute<Raised>(sql`
    with raised as (
      update stock_lines set alert_since = now(), alert_count = alert_count + 1
      where alert_since is null and in_stock <= alert_level ${only(sql`id`)}
      returning id, resource, in_stock, alert_level, alert_count, manager_ids
    )
    select r.id, r.resource, r.in_stock, r.alert_level, r.alert_count, u.id as user_id, u.email
    from raised r
    left join users u on u.id = any(r.manager_ids) and u.role = 'central' and u.disabled_at is null
    order by r.id, u.email`);
  const emails: QueuedEmail<"stock_alert">[] = rows
    .filter((r) => r.user_id && r.email)
    .map((r) => ({
      eventKey: `stock-alert:${r.id}:${r.alert_count}:${r.user_id}`,
      recipient: r.email!,
      template: "stock_alert",
      payload: { resource: r.resource, inStock: r.in_stock, alertLevel: r.alert_level, url: appUrl(`/admin/stock/${r.id}`) },
    }));
  const queued = await queueNotifications(tx, emails);
  return { lines: new Set(rows.map((r) => r.id)).size, emails: queued.length };
}
