import { randomUUID } from "node:crypto";
import { getDb } from "../../db";
import { campaignTemplates, type collaborativeTypes, entities, entityMemberships, plans, programs, users } from "../../db/schema";
import { loadActor, type Actor } from "../auth/actor";

// Test data with unique names, so that test files share one database without clashing.
export function uniq(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createLocalEntity(label = uniq("Entity")) {
  const internalName = uniq("e").toLowerCase();
  const [row] = await getDb().insert(entities).values({ kind: "local", label, internalName }).returning();
  return row!;
}

export async function createUser(opts: { role: "central" | "local"; isAdmin?: boolean; entityIds?: string[]; passwordHash?: string }) {
  const email = `${uniq("user")}@test.local`;
  const [user] = await getDb()
    .insert(users)
    .values({ email, name: `Test ${email.slice(5, 13)}`, role: opts.role, isAdmin: opts.isAdmin ?? false, passwordHash: opts.passwordHash })
    .returning();
  if (opts.entityIds?.length) {
    await getDb().insert(entityMemberships).values(opts.entityIds.map((entityId) => ({ entityId, userId: user!.id })));
  }
  return user!;
}

export async function actorFor(userId: string): Promise<Actor> {
  const actor = await loadActor(getDb(), userId);
  if (!actor) throw new Error(`no actor ${userId}`);
  return actor;
}

/** Two entities, an operator of each, a central operator and a central administrator. */
export async function twoTenants() {
  const a = await createLocalEntity();
  const b = await createLocalEntity();
  const opA = await actorFor((await createUser({ role: "local", entityIds: [a.id] })).id);
  const opB = await actorFor((await createUser({ role: "local", entityIds: [b.id] })).id);
  const central = await actorFor((await createUser({ role: "central" })).id);
  const admin = await actorFor((await createUser({ role: "central", isAdmin: true })).id);
  return { a, b, opA, opB, central, admin };
}

/** A plan with one program, for campaigns to belong to. */
export async function createProgram() {
  const [plan] = await getDb().insert(plans).values({ label: uniq("Plan") }).returning();
  const [program] = await getDb().insert(programs).values({ planId: plan!.id, label: uniq("Program") }).returning();
  return { plan: plan!, program: program! };
}

export async function createCampaignTemplate(opts: { distributionLevel?: "local" | "collaborative"; collaborativeType?: (typeof collaborativeTypes)[number] } = {}) {
  const [row] = await getDb()
    .insert(campaignTemplates)
    .values({
      label: uniq("Template"),
      internalName: uniq("t").toLowerCase(),
      distributionLevel: opts.distributionLevel ?? "local",
      collaborativeType: opts.collaborativeType ?? null,
    })
    .returning();
  return row!;
}
