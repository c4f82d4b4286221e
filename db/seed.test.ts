import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "./index";
import { migrateDatabase } from "./migrate";
import { DEMO_PASSWORD, seedDemoData } from "./seed";
import { campaignTemplates, users, workflows } from "./schema";
import { verifyPassword } from "../lib/auth/password";

// The demo seed only loads into an empty database, so this file gets a database of its own.
describe("demo data", () => {
  const base = process.env.DATABASE_URL!;
  const name = `seed_${Date.now()}`;
  beforeAll(async () => {
    const admin = postgres(base, { max: 1 });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    process.env.DATABASE_URL = base.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
    await closeDb();
    await migrateDatabase(process.env.DATABASE_URL);
  });
  afterAll(async () => {
    await closeDb();
    process.env.DATABASE_URL = base;
    const admin = postgres(base, { max: 1 });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("loads a central entity, three local entities with two operators each and hundreds of contacts, once", async () => {
    expect(await seedDemoData()).toBe(true);
    const db = getDb();
    const [counts] = await db.execute<{ locals: number; centrals: number; admins: number; contacts: number; min_ops: number }>(sql`
      select (select count(*)::int from entities where kind = 'local') as locals,
             (select count(*)::int from users where role = 'central') as centrals,
             (select count(*)::int from users where is_admin) as admins,
             (select count(*)::int from contacts) as contacts,
             (select min(n)::int from (select count(*) as n from entity_memberships m join users u on u.id = m.user_id
                where u.email not like 'regional%' group by m.entity_id) x) as min_ops`);
    expect(counts).toEqual({ locals: 3, centrals: 2, admins: 1, contacts: 900, min_ops: 2 });
    const admin = await db.query.users.findFirst({ where: eq(users.email, "admin@central.demo") });
    expect(await verifyPassword(DEMO_PASSWORD, admin!.passwordHash)).toBe(true);
    expect(await seedDemoData()).toBe(false);
  });

  it("loads a plan, two programs, four templates, a reference campaign with a workflow per template, and two campaigns for budgets", async () => {
    const db = getDb();
    const [counts] = await db.execute<{ plans: number; programs: number; templates: number; campaigns: number; workflows: number }>(sql`
      select (select count(*)::int from plans) as plans, (select count(*)::int from programs) as programs,
             (select count(*)::int from campaign_templates) as templates,
             (select count(*)::int from campaigns where entity_id is null) as campaigns,
             (select count(*)::int from workflows w join campaigns c on c.id = w.campaign_id
               where c.entity_id is null and jsonb_array_length(w.activities) = 3) as workflows`);
    expect(counts).toEqual({ plans: 1, programs: 2, templates: 4, campaigns: 6, workflows: 3 });
    const byForm = await db.query.campaignTemplates.findFirst({ where: eq(campaignTemplates.label, "Seasonal newsletter (by form)") });
    expect(byForm).toMatchObject({ distributionLevel: "collaborative", collaborativeType: "by_form" });
    expect(byForm!.personalizationFields.map((f) => [f.name, f.type, f.required])).toEqual([
      ["storeName", "text", true],
      ["discountRate", "number", false],
      ["openingDate", "date", false],
    ]);
    const [workflow] = await db.select().from(workflows).limit(1);
    expect(workflow!.activities.map((a) => a.kind)).toEqual(["query", "delivery", "end"]);
    expect(workflow!.activities[0]!.next).toEqual([workflow!.activities[1]!.id]);
  });

  it("runs a by-target-approval campaign up to each entity's approval of its contacts", async () => {
    const db = getDb();
    const [row] = await db.execute<{ tasks: number; targets: number; mails: number; delivery: string }>(sql`
      select (select count(*)::int from approval_tasks where status = 'pending') as tasks,
             (select count(*)::int from workflow_targets where excluded_by is null) as targets,
             (select count(*)::int from notifications where template = 'target_approval') as mails,
             (select status::text from deliveries where label = 'Loyalty email') as delivery`);
    expect(row).toEqual({ tasks: 3, targets: 900, mails: 3, delivery: "pending_confirmation" });
  });

  it("publishes two packages with orders in every state an operator meets first", async () => {
    const db = getDb();
    const rows = await db.execute<{ package: string; entity: string; status: string; campaign: string | null }>(sql`
      select p.label as package, e.internal_name as entity, o.status, c.label as campaign
      from orders o join packages p on p.id = o.package_id join entities e on e.id = o.entity_id
      left join campaigns c on c.id = o.campaign_id order by p.label, e.internal_name`);
    expect([...rows]).toEqual([
      { package: "Spring newsletter", entity: "lyon-centre", status: "available", campaign: null },
      { package: "Spring newsletter", entity: "paris-nord", status: "ordered", campaign: null },
      { package: "Store opening kit", entity: "marseille-port", status: "available", campaign: "Store opening – Marseille Port" },
    ]);
  });

  it("loads budgets and stock with their figures computed: every commitment level, and one line below its alert level", async () => {
    const db = getDb();
    const rows = await db.execute<{ label: string; planned: string; reserved: string; committed: string; spent: string; invoiced: string }>(sql`
      select label, planned::text, reserved::text, committed::text, spent::text, invoiced::text from budgets order by label`);
    // Network campaigns: Store opening 2,500 + Regional promotion 3,000 planned; Autumn loyalty
    // mailing reserves its email's provisional 120 + 2 studio days × 480 and spent 812.40 on gifts
    // (paid invoice: 960); Spring gift card mailing commits 150 + 450 × 2.40. Brand: the film's
    // 18,000. Marketing 2027 adds both; the newsletter is not Defined and counts nowhere.
    expect([...rows]).toEqual([
      { label: "Brand", planned: "18000.0000", reserved: "0.0000", committed: "0.0000", spent: "0.0000", invoiced: "0.0000" },
      { label: "Marketing 2027", planned: "23500.0000", reserved: "1080.0000", committed: "1230.0000", spent: "812.4000", invoiced: "960.0000" },
      { label: "Network campaigns", planned: "5500.0000", reserved: "1080.0000", committed: "1230.0000", spent: "812.4000", invoiced: "960.0000" },
    ]);
    const stock = await db.execute<{ resource: string; in_stock: number; alert: boolean }>(sql`
      select resource, in_stock, alert_since is not null as alert from stock_lines order by resource`);
    // Leaflets: 2,000 + the 1,000 delivered 5 days ago (the 1,500 due in 10 days not yet). Gift
    // cards: 600 − 450 = 150, at or below 200: the alert, and its email to the stock manager.
    expect([...stock]).toEqual([
      { resource: "Autumn leaflets", in_stock: 3000, alert: false },
      { resource: "Loyalty gift cards", in_stock: 150, alert: true },
      { resource: "Welcome brochures", in_stock: 5000, alert: false },
    ]);
    const [mail] = await db.execute<{ n: number }>(sql`select count(*)::int as n from notifications where recipient = 'operator@central.demo' and event_key like 'stock-alert:%'`);
    expect(mail!.n).toBe(1);
  });
});
