import { and, asc, eq, gte, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { packageAudience, packageDocuments, packages } from "@/db/schema";

/**
 * What an entity's catalog shows (§4): published packages inside their visibility period, offered
 * to every entity or with this entity in their audience. Canceled ones are not published.
 */
export function offeredTo(entityId: string) {
  return and(
    eq(packages.status, "published"),
    lte(packages.startAt, sql`now()`),
    gte(packages.endAt, sql`now()`),
    or(
      eq(packages.limitToAudience, false),
      sql`exists (select 1 from ${packageAudience} a where a.package_id = ${packages.id} and a.entity_id = ${entityId})`,
    ),
  );
}

const catalogColumns = {
  id: packages.id,
  kind: packages.kind,
  label: packages.label,
  description: packages.description,
  availableAt: packages.availableAt,
  registrationDeadline: packages.registrationDeadline,
  personalizationDeadline: packages.personalizationDeadline,
  endAt: packages.endAt,
};

export async function listCatalog(db: DbOrTx, entityId: string) {
  return db.select(catalogColumns).from(packages).where(offeredTo(entityId)).orderBy(asc(packages.endAt), asc(packages.id)).limit(200);
}

export async function getCatalogPackage(db: DbOrTx, entityId: string, packageId: string) {
  const [pkg] = await db
    .select({ ...catalogColumns, messageForEntities: packages.messageForEntities })
    .from(packages)
    .where(and(eq(packages.id, packageId), offeredTo(entityId)));
  if (!pkg) return null;
  const documents = await db
    .select({ id: packageDocuments.id, fileName: packageDocuments.fileName, size: packageDocuments.size })
    .from(packageDocuments)
    .where(eq(packageDocuments.packageId, packageId))
    .orderBy(asc(packageDocuments.createdAt));
  return { ...pkg, documents };
}

/** A document of a package offered to the entity, or nothing. */
export async function getCatalogDocument(db: DbOrTx, entityId: string, packageId: string, documentId: string) {
  const [doc] = await db
    .select({ fileName: packageDocuments.fileName, data: packageDocuments.data })
    .from(packageDocuments)
    .innerJoin(packages, eq(packages.id, packageDocuments.packageId))
    .where(and(eq(packageDocuments.id, documentId), eq(packageDocuments.packageId, packageId), offeredTo(entityId)));
  return doc ?? null;
}

/**
 * Collaborative packages offered to the entity that it has not registered for yet, while their
 * registration is open, soonest deadline first: the portal home's "to register" list.
 */
export async function awaitingRegistration(db: DbOrTx, entityId: string, limit = 5) {
  return db
    .select({ id: packages.id, label: packages.label, registrationDeadline: packages.registrationDeadline })
    .from(packages)
    .where(
      and(
        offeredTo(entityId),
        eq(packages.kind, "collaborative"),
        gte(packages.registrationDeadline, sql`now()`),
        sql`not exists (select 1 from orders o where o.package_id = ${packages.id} and o.entity_id = ${entityId} and o.status in ('ordered', 'approved', 'available'))`,
      ),
    )
    .orderBy(asc(packages.registrationDeadline), asc(packages.id))
    .limit(limit);
}
