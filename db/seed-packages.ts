import { eq } from "drizzle-orm";
import { makeOrderAvailable } from "../lib/orders/available";
import type { Tx } from "./index";
import { campaigns, entities, entityMemberships, orders, packageAudience, packageJournal, packages, users } from "./schema";

const day = 86_400_000;

/**
 * Demo packages already through their approval, so that the portal has something to order and the
 * central team something to track: a by-form newsletter (manual approval) with an order waiting
 * for Paris Nord's reviewer and one Available for Lyon Centre, and a local store-opening package
 * that Marseille Port has already received as its own campaign.
 */
export async function seedPackages(tx: Tx, managerId: string) {
  const ref = async (internalName: string) => (await tx.query.campaigns.findFirst({ where: eq(campaigns.internalName, internalName) }))!;
  const entity = async (internalName: string) => (await tx.query.entities.findFirst({ where: eq(entities.internalName, internalName) }))!;
  const [paris, lyon, marseille] = [await entity("paris-nord"), await entity("lyon-centre"), await entity("marseille-port")];
  const now = Date.now();
  const published = {
    status: "published" as const,
    revision: 3,
    startAt: new Date(now - 2 * day),
    availableAt: new Date(now - day),
    endAt: new Date(now + 60 * day),
    createdById: managerId,
    assignedToId: managerId,
  };
  const newsletter = await ref("seasonal-newsletter");
  await tx
    .update(campaigns)
    .set({ content: { subject: "{{storeName}}: {{discountRate}}% off this season", body: "Hello {{firstName}},\n\nThis season at {{storeName}}, enjoy {{discountRate}}% off.\n\nSee you soon!" } })
    .where(eq(campaigns.id, newsletter.id));
  const [spring] = await tx
    .insert(packages)
    .values({
      ...published,
      kind: "collaborative",
      label: "Spring newsletter",
      internalName: "spring-newsletter",
      folder: "Seasonal",
      referenceCampaignId: newsletter.id,
      description: "A shared spring newsletter: each store adds its name and its discount.",
      messageForEntities: "Register before the deadline to be part of the first wave.",
      limitToAudience: true,
      registrationDeadline: new Date(now + 14 * day),
    })
    .returning();
  await tx.insert(packageAudience).values([paris, lyon, marseille].map((e) => ({ packageId: spring!.id, entityId: e.id })));

  const opening = await ref("store-opening");
  await tx.update(campaigns).set({ content: { subject: "{{firstName}}, our new store opens soon", body: "Hello {{firstName}},\n\nWe are opening a new store near you. Come and celebrate with us." } }).where(eq(campaigns.id, opening.id));
  const [kit] = await tx
    .insert(packages)
    .values({
      ...published,
      kind: "local",
      label: "Store opening kit",
      internalName: "store-opening-kit",
      folder: "Openings",
      referenceCampaignId: opening.id,
      description: "Everything a store needs to announce its opening to its customers.",
      startTargetingWithApproval: false,
    })
    .returning();
  for (const p of [spring!, kit!]) {
    await tx.insert(packageJournal).values([
      { packageId: p.id, action: "Created", actorId: managerId, actorName: "Olivier Operator", at: new Date(now - 5 * day) },
      { packageId: p.id, action: "Submitted for approval", actorId: managerId, actorName: "Olivier Operator", at: new Date(now - 4 * day) },
      { packageId: p.id, action: "Approved", actorId: managerId, actorName: "Olivier Operator", at: new Date(now - 3 * day) },
      { packageId: p.id, action: "Published", actorName: "System", at: new Date(now - day) },
    ]);
  }

  const firstOperator = async (entityId: string) =>
    (await tx.select({ id: users.id }).from(entityMemberships).innerJoin(users, eq(users.id, entityMemberships.userId)).where(eq(entityMemberships.entityId, entityId)).orderBy(users.email).limit(1))[0]!.id;
  await tx.insert(orders).values({
    packageId: spring!.id,
    entityId: paris.id,
    label: "Spring newsletter – Paris Nord",
    comment: "Please check the discount with the regional manager.",
    parameters: { storeName: "Paris Nord Gare", discountRate: 15, openingDate: null },
    createdById: await firstOperator(paris.id),
  });
  const approved = await tx
    .insert(orders)
    .values([
      { packageId: spring!.id, entityId: lyon.id, label: "Spring newsletter – Lyon", parameters: { storeName: "Lyon Bellecour", discountRate: 10, openingDate: null }, status: "approved" as const, createdById: await firstOperator(lyon.id), decidedById: managerId },
      { packageId: kit!.id, entityId: marseille.id, label: "Opening of the Vieux-Port store", status: "approved" as const, createdById: await firstOperator(marseille.id), decidedById: managerId },
    ])
    .returning({ id: orders.id });
  for (const o of approved) await makeOrderAvailable(tx, o.id);
}
