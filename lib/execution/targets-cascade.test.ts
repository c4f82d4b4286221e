import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, contacts, entities, workflows, workflowTargets } from "../../db/schema";
import { addContacts } from "../testing/execution-factories";
import { createLocalEntity, uniq } from "../testing/factories";
import { runQuery } from "./population";

// workflow_targets has no foreign keys (migration 0018, for the Query's speed): its cascades are
// triggers. A deleted workflow, contact or entity must take its targets with it, and only those.

const targetsOf = async (workflowId: string) =>
  (await getDb().select({ contactId: workflowTargets.contactId }).from(workflowTargets).where(eq(workflowTargets.workflowId, workflowId))).map((r) => r.contactId).sort();

describe("a workflow's population", () => {
  it("loses the rows of a deleted contact, entity or workflow, and nothing else", async () => {
    const db = getDb();
    const segment = uniq("seg");
    const [e1, e2] = [await createLocalEntity(), await createLocalEntity()];
    const c1 = await addContacts(e1.id, [{ first: "Ann" }, { first: "Bob" }, { first: "Cid" }], segment);
    const c2 = await addContacts(e2.id, [{ first: "Dan" }, { first: "Eve" }], segment);
    const [campaign] = await db.insert(campaigns).values({ label: uniq("Network"), internalName: uniq("net"), status: "started" }).returning();
    const [w1, w2] = await db
      .insert(workflows)
      .values([1, 2].map((i) => ({ campaignId: campaign!.id, label: `Run ${i}` })))
      .returning();
    const run = { id: campaign!.id, entityId: null, templateId: null };
    const conditions = [{ field: "segment", operator: "equals" as const, value: segment }];
    for (const w of [w1!, w2!]) expect(await db.transaction((tx) => runQuery(tx, w.id, run, conditions))).toBe(5);
    // A rerun replaces the population instead of adding to it.
    expect(await db.transaction((tx) => runQuery(tx, w1!.id, run, conditions))).toBe(5);
    const all = [...c1, ...c2].map((c) => c.id).sort();
    expect(await targetsOf(w1!.id)).toEqual(all);

    await db.delete(contacts).where(eq(contacts.id, c1[0]!.id));
    const withoutAnn = all.filter((id) => id !== c1[0]!.id);
    expect(await targetsOf(w1!.id)).toEqual(withoutAnn);
    expect(await targetsOf(w2!.id)).toEqual(withoutAnn);

    // The entity's contacts go by their own cascade; the entity's trigger catches any row left.
    await db.delete(entities).where(eq(entities.id, e2.id));
    const e1Only = c1.slice(1).map((c) => c.id).sort();
    expect(await targetsOf(w1!.id)).toEqual(e1Only);
    expect(await targetsOf(w2!.id)).toEqual(e1Only);

    await db.delete(workflows).where(eq(workflows.id, w1!.id));
    expect(await targetsOf(w1!.id)).toEqual([]);
    expect(await targetsOf(w2!.id)).toEqual(e1Only);

    // Deleting the campaign cascades to its workflows, and on to their targets.
    await db.delete(campaigns).where(eq(campaigns.id, campaign!.id));
    const [left] = await db.select({ n: sql<number>`count(*)::int` }).from(workflowTargets).where(eq(workflowTargets.workflowId, w2!.id));
    expect(left!.n).toBe(0);
  });
});
