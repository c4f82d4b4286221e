import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import * as schema from "../db/schema";
import { actionRegistry } from "./actions-registry";
import type { Actor } from "./auth/actor";
import { twoTenants } from "./testing/factories";
import { publishedPackage } from "./testing/order-factories";

// A valid-looking input for each action, so that refusals come from access checks, not from zod.
let fixture = {
  packageId: "00000000-0000-4000-8000-000000000000",
  orderId: "00000000-0000-4000-8000-000000000000",
  campaignId: "00000000-0000-4000-8000-000000000000",
  contactId: "00000000-0000-4000-8000-000000000000",
  runnableCampaignId: "00000000-0000-4000-8000-000000000000",
  approvalTaskId: "00000000-0000-4000-8000-000000000000",
};
// Deliveries of entity A's campaign (lib/deliveries): one being edited, one waiting for approval.
let deliveryFixture = { deliveryId: "00000000-0000-4000-8000-000000000000", stoppableDeliveryId: "00000000-0000-4000-8000-000000000000" };

function sampleInput(name: string, entity: string): Record<string, unknown> {
  const ids = { members: [], packageNotification: [], orderReviewers: [], campaignReviewers: [] };
  const entityForm = { label: "X", internalName: `x-${Date.now()}`, email: "", phone: "", address: "", parentId: "", ...ids };
  const nil = "00000000-0000-4000-8000-000000000000";
  const field = { name: "storeName", label: "Store", type: "text", required: true, default: "", help: "", options: [] };
  const template = { label: "T", internalName: `t-${Date.now()}`, distributionLevel: "collaborative", collaborativeType: "by_form", webInterfaceType: "by_form", maxReviewers: 0, maxDocuments: 0, personalizationFields: [field], localEditable: ["targeting"] };
  const activities = [{ id: "q", kind: "query", label: "Target", next: ["e"] }, { id: "e", kind: "end", label: "End", next: [] }];
  const typology = { pressure: null, excludeUnsubscribed: true, excludeBounced: true, controlGroupPercent: 0 };
  const content = { subject: "Hello", body: "Hello {{firstName}}" };
  const campaign = { label: "C", internalName: `c-${Date.now()}`, programId: nil, templateId: nil, managerId: "", startDate: "2030-01-01", endDate: "2030-01-31", type: "unique", activities, content, targeting: [], typology };
  const inputs: Record<string, Record<string, unknown>> = {
    createEntity: entityForm,
    updateEntity: { ...entityForm, id: "00000000-0000-4000-8000-000000000000" },
    importEntities: { rows: [{ label: "X", internalName: `x-${Date.now()}`, email: "", phone: "", address: "", parent: "" }] },
    inviteOperator: { email: "new@test.local", name: "New", role: "central", isAdmin: false, entityIds: [] },
    retryNotification: { notificationId: nil },
    addContact: { entity, email: "someone@test.local", firstName: "Some", lastName: "One" },
    importContacts: { entity, rows: [{ email: "imported@test.local", firstName: "Im", lastName: "Ported", status: "", attributes: { city: "Lille" } }] },
    setContactStatus: { entity, contactId: fixture.contactId, status: "active" },
    createPlan: { label: "Plan" },
    createProgram: { planId: nil, label: "Program" },
    createCampaignTemplate: template,
    updateCampaignTemplate: { ...template, id: nil },
    createReferenceCampaign: campaign,
    updateReferenceCampaign: { ...campaign, id: nil },
    runTechnicalWorkflowNow: { workflow: "operationMgt" },
    setTechnicalWorkflowStatus: { workflow: "operationMgt", status: "started" },
    createProvider: { name: "P", contactEmails: "p@test.local", exportColumns: [{ header: "Email", field: "email" }], fileNamePattern: "{delivery}-{date}.csv", notifySubject: "", notifyBody: "", finishOnSend: false, categories: [{ id: "", label: "Print", channel: "direct_mail", costTypes: "", structures: [{ id: "", label: "Unit", kind: "linear", amount: "0.13", batchSize: null, tiers: [] }] }] },
    updateProvider: { id: nil, name: "P", contactEmails: "p@test.local", exportColumns: [], fileNamePattern: "{delivery}.csv", notifySubject: "", notifyBody: "", finishOnSend: false, categories: [] },
    approveDeliveryFile: { deliveryId: nil },
    finishProviderDelivery: { deliveryId: nil, realCost: "12.50" },
    createDataDistribution: { label: "D", field: "entity", type: "fixed_size", assignment: "local_entity", approveTargeted: true, rows: [{ value: entity, entityId: nil, limit: 0, label: "" }] },
    updateDataDistribution: { id: nil, label: "D", field: "entity", type: "percentage", assignment: "local_entity", approveTargeted: true, rows: [{ value: entity, entityId: nil, limit: 50, label: "" }] },
    placeOrder: { entity, packageId: fixture.packageId, label: "Order", comment: "", parameters: {}, reviewerIds: [], documents: [] },
    editOwnOrder: { entity, orderId: fixture.orderId, label: "Order", comment: "", parameters: {}, reviewerIds: [], documents: [] },
    cancelOwnOrder: { entity, orderId: fixture.orderId, comment: "" },
    reviewOrder: { orderId: fixture.orderId, decision: "accept", comment: "" },
    reviewOrderFromLink: { token: "x".repeat(43), decision: "accept", comment: "" },
    rejectSubscriptionFromLink: { token: "x".repeat(43) },
    evaluateOrderTarget: { entity, packageId: fixture.packageId },
    previewOrder: { entity, packageId: fixture.packageId, contactEmail: "", parameters: {} },
    updateLocalCampaign: { entity, campaignId: fixture.campaignId, targeting: [], scheduledAt: "", typology, personalization: {} },
    evaluateCampaignTarget: { entity, campaignId: fixture.campaignId },
    requestWorkflowCommand: { entity, campaignId: fixture.runnableCampaignId, command: "start" },
    requestReferenceWorkflowCommand: { campaignId: fixture.runnableCampaignId, command: "start" },
    setTargetChecks: { entity, taskId: fixture.approvalTaskId, contactIds: "all", checked: false },
    approveTargeting: { entity, taskId: fixture.approvalTaskId, comment: "" },
    unsubscribeFromLink: { token: "x".repeat(43) },
    updateDelivery: { deliveryId: deliveryFixture.deliveryId, subject: "Hello", body: "Hello {{firstName}}", approvalKinds: ["content"], reviewerIds: [], approvalDays: 3, reminderHours: [24], scheduledAt: "", ratePerSecond: null },
    updateOwnDeliveryContent: { entity, deliveryId: deliveryFixture.deliveryId, subject: "Hello", body: "Hello {{firstName}}" },
    submitDelivery: { deliveryId: deliveryFixture.deliveryId },
    submitOwnDelivery: { entity, deliveryId: deliveryFixture.deliveryId },
    reviewDeliveryApproval: { deliveryId: deliveryFixture.stoppableDeliveryId, kind: "content", decision: "accept", comment: "" },
    reviewDeliveryFromLink: { token: "x".repeat(43), decisions: [{ kind: "content", decision: "accept", comment: "" }] },
    stopDelivery: { deliveryId: deliveryFixture.stoppableDeliveryId },
    stopOwnDelivery: { entity, deliveryId: deliveryFixture.stoppableDeliveryId },
    sendDeliveryProof: { deliveryId: deliveryFixture.deliveryId, recipients: "proof@test.local" },
    sendOwnDeliveryProof: { entity, deliveryId: deliveryFixture.deliveryId, recipients: "proof@test.local" },
  };
  return inputs[name] ?? {};
}

async function tableCounts(): Promise<Record<string, number>> {
  const db = getDb();
  const tables = Object.entries(schema).filter(([, v]) => v && typeof v === "object" && Symbol.for("drizzle:IsDrizzleTable") in (v as object));
  const out: Record<string, number> = {};
  for (const [name, table] of tables) {
    const [row] = await db.select({ n: count() }).from(table as typeof schema.users);
    out[name] = row!.n;
  }
  return out;
}

describe("every server action goes through the access wrapper", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    t = await twoTenants();
    // A real package and order of entity A: refusals must come from access, and A's own operator must succeed.
    const { pkg } = await publishedPackage({ enableMultipleCreation: true });
    const [order] = await getDb().insert(schema.orders).values({ packageId: pkg.id, entityId: t.a.id, label: "A's order" }).returning();
    const [contact] = await getDb().insert(schema.contacts).values({ entityId: t.a.id, email: "preview@test.local" }).returning();
    // A local campaign of entity A with its workflow, for the campaign page's actions.
    const [campaign] = await getDb().insert(schema.campaigns).values({ label: "A's campaign", internalName: `a-campaign-${Date.now()}`, entityId: t.a.id }).returning();
    const [campaignWorkflow] = await getDb().insert(schema.workflows).values({ campaignId: campaign!.id, label: "Main" }).returning();
    // A target-approval task of entity A, still open.
    const [task] = await getDb()
      .insert(schema.approvalTasks)
      .values({ workflowId: campaignWorkflow!.id, activityId: "la", entityId: t.a.id, deadline: new Date(Date.now() + 86_400_000) })
      .returning();
    // Another one whose workflow the commands may start without disturbing the campaign page's actions.
    const [runnable] = await getDb().insert(schema.campaigns).values({ label: "A's runnable", internalName: `a-runnable-${Date.now()}`, entityId: t.a.id }).returning();
    await getDb().insert(schema.workflows).values({ campaignId: runnable!.id, label: "Main" });
    fixture = { packageId: pkg.id, orderId: order!.id, campaignId: campaign!.id, contactId: contact!.id, runnableCampaignId: runnable!.id, approvalTaskId: task!.id };
    // Deliveries of A's campaign: one being edited (its message, proofs), one waiting for approval (Stop).
    const [editable, stoppable] = await getDb()
      .insert(schema.deliveries)
      .values([{ campaignId: campaign!.id, label: "A's email", subject: "Hi", body: "Hi {{firstName}}" }, { campaignId: campaign!.id, label: "A's other email", status: "to_validate" }])
      .returning();
    deliveryFixture = { deliveryId: editable!.id, stoppableDeliveryId: stoppable!.id };
  });

  const byAccess = (a: string) => actionRegistry.filter((d) => d.access === a);

  it("refuses every non-public action without a session, writing nothing", async () => {
    const before = await tableCounts();
    for (const def of actionRegistry.filter((d) => d.access !== "public")) {
      const res = await def.run(null, sampleInput(def.name, t.a.internalName));
      expect(res, def.name).toMatchObject({ ok: false });
      expect(["unauthenticated", "not_found"], def.name).toContain((res as { code: string }).code);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses central and admin actions to local operators", async () => {
    const before = await tableCounts();
    for (const def of [...byAccess("central"), ...byAccess("admin")]) {
      const res = await def.run(t.opA, sampleInput(def.name, t.a.internalName));
      expect(res, def.name).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses admin actions to central operators who are not administrators", async () => {
    for (const def of byAccess("admin")) {
      const res = await def.run(t.central, sampleInput(def.name, t.a.internalName));
      expect(res, def.name).toMatchObject({ ok: false, code: "forbidden" });
    }
  });

  it("refuses entity actions aimed at another entity, or at none, writing nothing", async () => {
    const entityActions = byAccess("entity");
    expect(entityActions.length).toBeGreaterThan(0);
    const before = await tableCounts();
    const attempts: [Actor, unknown][] = [
      [t.opA, sampleInput("", t.b.internalName)],
      [t.opB, sampleInput("", t.a.internalName)],
      [t.central, sampleInput("", t.a.internalName)],
    ];
    for (const def of entityActions) {
      for (const [actor, base] of attempts) {
        const input = { ...sampleInput(def.name, "x"), entity: (base as { entity: string }).entity };
        expect(await def.run(actor, input), def.name).toMatchObject({ ok: false, code: "not_found" });
      }
      expect(await def.run(t.opA, { ...sampleInput(def.name, "x"), entity: undefined })).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("lets the entity's own operator act on it", async () => {
    for (const def of byAccess("entity")) {
      expect(await def.run(t.opA, sampleInput(def.name, t.a.internalName)), def.name).toMatchObject({ ok: true });
    }
  });

  it("covers every action that a 'use server' file exposes", () => {
    const registered = new Set(actionRegistry.map((d) => d.name));
    const files = walk(path.resolve(import.meta.dirname, "../app")).filter((f) => /\.tsx?$/.test(f));
    const serverFiles = files.filter((f) => /^\s*["']use server["']/.test(readFileSync(f, "utf8")));
    expect(serverFiles.length).toBeGreaterThan(0);
    for (const file of serverFiles) {
      const src = readFileSync(file, "utf8");
      const exported = [...src.matchAll(/export async function (\w+)/g)].length;
      const invoked = [...src.matchAll(/invoke\((\w+)/g)].map((m) => m[1]!);
      // Every exported server function must call invoke() on a registered definition.
      expect(invoked.length, `${file} exports ${exported} action(s) but invokes ${invoked.length}`).toBe(exported);
      const imports = new Map([...src.matchAll(/import \{([^}]+)\} from "@\/lib\/[\w/-]+\/(?:[\w-]+-)?actions"/g)].flatMap((m) =>
        m[1]!.split(",").map((s) => {
          const [orig, alias] = s.trim().split(/\s+as\s+/);
          return [alias ?? orig!, orig!] as const;
        }),
      ));
      for (const local of invoked) {
        const def = imports.get(local);
        expect(def, `${file}: ${local} must come from a lib/*/actions module`).toBeDefined();
      }
    }
    const defs = actionRegistry.map((d) => d.name);
    expect(registered.size).toBe(defs.length);
  });

  it("registers every action definition of every lib/*/actions module", async () => {
    const modules = walk(path.resolve(import.meta.dirname)).filter((f) => /\/(?:[\w-]+-)?actions\.ts$/.test(f));
    let seen = 0;
    for (const file of modules) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (value && typeof value === "object" && "run" in value && "access" in value) {
          seen++;
          expect(actionRegistry, `${file}: ${name} is not in lib/actions-registry.ts`).toContain(value);
        }
      }
    }
    expect(seen).toBe(actionRegistry.length);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
