import { count, eq } from "drizzle-orm";
import { hashPassword } from "../lib/auth/password";
import { linkActivities } from "../lib/campaigns/workflow";
import { isMain } from "../lib/runtime/is-main";
import { closeDb, getDb, type Tx } from "./index";
import { seedBudgets } from "./seed-budgets";
import { seedExecution } from "./seed-execution";
import { seedPackages } from "./seed-packages";
import { campaigns, campaignTemplates, contacts, deliveries, entities, entityGroupMembers, entityMemberships, plans, programs, users, workflows } from "./schema";

export const DEMO_PASSWORD = "demo-password";

const LOCAL_ENTITIES = [
  { label: "Paris Nord", internalName: "paris-nord", city: "Paris", ops: ["amelie", "bastien"] },
  { label: "Lyon Centre", internalName: "lyon-centre", city: "Lyon", ops: ["chloe", "damien"] },
  { label: "Marseille Port", internalName: "marseille-port", city: "Marseille", ops: ["elodie", "fabien"] },
] as const;

const FIRST = ["Alice", "Bruno", "Camille", "David", "Emma", "Farid", "Giulia", "Hugo", "Ines", "Jules", "Karim", "Léa", "Marc", "Nina", "Omar", "Paul"];
const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Roux", "Fournier", "Girard"];

/** Loads the demo network into an empty database; does nothing when any entity exists. */
export async function seedDemoData(opts: { contactsPerEntity?: number } = {}): Promise<boolean> {
  const db = getDb();
  const [existing] = await db.select({ n: count() }).from(entities);
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.insert(entities).values({ kind: "central", label: "Central Marketing", internalName: "central", email: "marketing@central.demo" });
    const centrals = await tx
      .insert(users)
      .values([
        { email: "admin@central.demo", name: "Claire Admin", role: "central", isAdmin: true, passwordHash },
        { email: "operator@central.demo", name: "Olivier Operator", role: "central", passwordHash },
      ])
      .returning({ id: users.id, email: users.email });
    const regional = await insertUser(tx, "regional@network.demo", "Rémi Regional", passwordHash);
    for (const spec of LOCAL_ENTITIES) {
      const [entity] = await tx
        .insert(entities)
        .values({ kind: "local", label: spec.label, internalName: spec.internalName, email: `contact@${spec.internalName}.demo`, phone: "+33 1 23 45 67 89", address: `1 place de la Mairie, ${spec.city}` })
        .returning({ id: entities.id });
      const ids = [];
      for (const op of spec.ops) {
        ids.push(await insertUser(tx, `${op}@${spec.internalName}.demo`, `${op[0]!.toUpperCase()}${op.slice(1)} ${spec.city}`, passwordHash));
      }
      await tx.insert(entityMemberships).values([...ids, regional].map((userId) => ({ entityId: entity!.id, userId })));
      await tx.insert(entityGroupMembers).values([
        { entityId: entity!.id, group: "package_notification", userId: ids[0]! },
        { entityId: entity!.id, group: "order_reviewers", userId: ids[1]! },
        { entityId: entity!.id, group: "campaign_reviewers", userId: ids[1]! },
      ]);
      await tx.insert(contacts).values(demoContacts(entity!.id, spec.internalName, spec.city, opts.contactsPerEntity ?? 300));
    }
    const operatorId = centrals.find((u) => u.email === "operator@central.demo")!.id;
    await seedCampaigns(tx, operatorId);
    await seedPackages(tx, operatorId);
    await seedExecution(tx, operatorId);
    await seedBudgets(tx, operatorId);
  });
  return true;
}

/** One plan and program, a template of each kind packages need, and a reference campaign per template. */
async function seedCampaigns(tx: Tx, managerId: string) {
  const [plan] = await tx.insert(plans).values({ label: "Annual marketing plan" }).returning({ id: plans.id });
  const [program] = await tx.insert(programs).values({ planId: plan!.id, label: "Network campaigns" }).returning({ id: programs.id });
  const templates = await tx
    .insert(campaignTemplates)
    .values([
      { label: "Local store opening", internalName: "local-store-opening", distributionLevel: "local", webInterfaceType: "by_brief", maxReviewers: 1, maxDocuments: 2 },
      {
        label: "Seasonal newsletter (by form)",
        internalName: "seasonal-newsletter-by-form",
        distributionLevel: "collaborative",
        collaborativeType: "by_form",
        webInterfaceType: "by_form",
        maxReviewers: 2,
        maxDocuments: 1,
        personalizationFields: [
          { name: "storeName", label: "Store name", type: "text", required: true, help: "As your customers know it." },
          { name: "discountRate", label: "Discount rate (%)", type: "number", required: false, default: "10" },
          { name: "openingDate", label: "Opening date", type: "date", required: false },
        ],
        defaultValues: { discountRate: "10" },
      },
      { label: "Regional promotion (by campaign)", internalName: "regional-promotion-by-campaign", distributionLevel: "collaborative", collaborativeType: "by_campaign", webInterfaceType: "preset" },
    ])
    .returning({ id: campaignTemplates.id, internalName: campaignTemplates.internalName });
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const inDays = (n: number) => new Date(today.getTime() + n * 86_400_000);
  const specs = [
    { label: "Store opening", internalName: "store-opening", template: "local-store-opening" },
    { label: "Seasonal newsletter", internalName: "seasonal-newsletter", template: "seasonal-newsletter-by-form" },
    { label: "Regional promotion", internalName: "regional-promotion", template: "regional-promotion-by-campaign" },
  ];
  for (const { template, ...spec } of specs) {
    const [campaign] = await tx
      .insert(campaigns)
      .values({ ...spec, programId: program!.id, templateId: templates.find((t) => t.internalName === template)!.id, managerId, startDate: inDays(7), endDate: inDays(90), type: "unique" })
      .returning({ id: campaigns.id });
    const outline = linkActivities([
      { kind: "query", label: "Targeting" },
      { kind: "delivery", label: "Email" },
      { kind: "end", label: "End" },
    ]);
    const [workflow] = await tx.insert(workflows).values({ campaignId: campaign!.id, label: spec.label, activities: outline }).returning({ id: workflows.id });
    // The Delivery activity owns its delivery, as the workflow editor makes it.
    const [delivery] = await tx.insert(deliveries).values({ campaignId: campaign!.id, workflowId: workflow!.id, label: "Email" }).returning({ id: deliveries.id });
    const activities = outline.map((a) => (a.kind === "delivery" ? { ...a, deliveryId: delivery!.id } : a));
    await tx.update(workflows).set({ activities }).where(eq(workflows.id, workflow!.id));
  }
}

async function insertUser(tx: Tx, email: string, name: string, passwordHash: string): Promise<string> {
  const [u] = await tx.insert(users).values({ email, name, role: "local", passwordHash }).returning({ id: users.id });
  return u!.id;
}

function demoContacts(entityId: string, slug: string, city: string, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    return {
      entityId,
      email: `${first.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "")}.${last.toLowerCase()}.${i}@${slug}.customers.demo`,
      firstName: first,
      lastName: last,
      attributes: { city, store: `${slug}-${(i % 3) + 1}` },
      // A few opted out or bounced, so that statuses are visible from the start.
      status: i % 37 === 0 ? ("unsubscribed" as const) : i % 53 === 0 ? ("bounced" as const) : ("active" as const),
    };
  });
}

if (isMain(import.meta.url)) {
  const loaded = await seedDemoData();
  console.log(loaded ? "demo data loaded" : "database not empty: demo data left alone");
  await closeDb();
}
