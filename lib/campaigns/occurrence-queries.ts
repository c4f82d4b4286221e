import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { campaigns } from "@/db/schema";

// Reads for the admin campaign page: a model's occurrences, and an occurrence's model. Central
// campaigns only (entity null), like the page itself; an occurrence keeps its model's entity.
const central = isNull(campaigns.entityId);

/** The latest occurrences of a recurring or periodic model, newest period first. */
export async function listOccurrences(db: DbOrTx, modelId: string, limit = 50) {
  return db
    .select({ id: campaigns.id, label: campaigns.label, occurrenceAt: campaigns.occurrenceAt, endDate: campaigns.endDate, status: campaigns.status })
    .from(campaigns)
    .where(and(eq(campaigns.occurrenceOf, modelId), central))
    .orderBy(desc(campaigns.occurrenceAt))
    .limit(limit);
}

/** The model an occurrence was made from, if the campaign is one. */
export async function getOccurrenceModel(db: DbOrTx, occurrenceOf: string | null) {
  if (!occurrenceOf) return null;
  const [model] = await db.select({ id: campaigns.id, label: campaigns.label }).from(campaigns).where(and(eq(campaigns.id, occurrenceOf), central));
  return model ?? null;
}
