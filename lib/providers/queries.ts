import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { costCategories, costStructures, deliveries, deliveryFiles, deliveryMessages, providers, users } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import { normalizeDecimal } from "./costs";
import type { ProviderInput } from "./schemas";

export const providerSortable = ["name", "createdAt"] as const;
export type ProviderSort = (typeof providerSortable)[number];

export async function listProviders(db: DbOrTx, query: TableQuery<ProviderSort>) {
  const filters: SQL[] = [];
  if (query.q) {
    const p = likePattern(query.q);
    // Any of its contact emails matches too.
    filters.push(or(ilike(providers.name, p), sql`exists (select 1 from unnest("providers"."contact_emails") e where e ilike ${p})`)!);
  }
  const where = filters.length ? and(...filters) : undefined;
  const column = { name: providers.name, createdAt: providers.createdAt }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: providers.id,
        name: providers.name,
        contactEmails: providers.contactEmails,
        columns: sql<number>`jsonb_array_length("providers"."export_columns")`,
        categories: sql<number>`(select count(*)::int from ${costCategories} c where c.provider_id = "providers"."id")`,
        finishOnSend: providers.finishOnSend,
        createdAt: providers.createdAt,
      })
      .from(providers)
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(providers.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(providers).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type ProviderRow = Awaited<ReturnType<typeof listProviders>>["rows"][number];

/** The provider as the edit form holds it. Categories and structures have no position: by label. */
export async function getProviderForEdit(db: DbOrTx, id: string) {
  const provider = await db.query.providers.findFirst({ where: eq(providers.id, id) });
  if (!provider) return null;
  const cats = await db.select().from(costCategories).where(eq(costCategories.providerId, id)).orderBy(asc(costCategories.label), asc(costCategories.id));
  const structs = cats.length
    ? await db.select().from(costStructures).where(inArray(costStructures.categoryId, cats.map((c) => c.id))).orderBy(asc(costStructures.label), asc(costStructures.id))
    : [];
  const values: ProviderInput = {
    name: provider.name,
    contactEmails: provider.contactEmails.join("\n"),
    exportColumns: provider.exportColumns.map((c) => ({ header: c.header, field: c.field })),
    fileNamePattern: provider.fileNamePattern,
    notifySubject: provider.notifySubject,
    notifyBody: provider.notifyBody,
    finishOnSend: provider.finishOnSend,
    categories: cats.map((c) => ({
      id: c.id,
      label: c.label,
      channel: c.channel,
      costTypes: c.costTypes.join(", "),
      stockLineId: c.stockLineId ?? "",
      structures: structs
        .filter((s) => s.categoryId === c.id)
        .map((s) => ({
          id: s.id,
          label: s.label,
          kind: s.kind,
          amount: s.kind === "fixed" || s.kind === "linear" ? normalizeDecimal(s.amount) : "",
          batchSize: s.batchSize,
          tiers: s.tiers.map((t) => ({ upTo: t.upTo, price: t.price })),
        })),
    })),
  };
  return { provider, values };
}

/** What the direct-mail panel of a delivery shows: its provider step, file and messages. */
export async function getDirectMailPanel(db: DbOrTx, deliveryId: string) {
  const [row] = await db
    .select({
      delivery: {
        id: deliveries.id,
        label: deliveries.label,
        channel: deliveries.channel,
        status: deliveries.status,
        realCost: deliveries.realCost,
        finishedAt: deliveries.finishedAt,
      },
      provider: { id: providers.id, name: providers.name, contactEmails: providers.contactEmails, finishOnSend: providers.finishOnSend },
    })
    .from(deliveries)
    .leftJoin(providers, eq(providers.id, deliveries.providerId))
    .where(eq(deliveries.id, deliveryId));
  if (!row) return null;
  const [file] = await db
    .select({
      id: deliveryFiles.id,
      fileName: deliveryFiles.fileName,
      rowCount: deliveryFiles.rowCount,
      createdAt: deliveryFiles.createdAt,
      approvedAt: deliveryFiles.approvedAt,
      approvedBy: users.name,
      sentAt: deliveryFiles.sentAt,
    })
    .from(deliveryFiles)
    .leftJoin(users, eq(users.id, deliveryFiles.approvedById))
    .where(eq(deliveryFiles.deliveryId, deliveryId));
  const counts = await db
    .select({ status: deliveryMessages.status, n: sql<number>`count(*)::int` })
    .from(deliveryMessages)
    .where(eq(deliveryMessages.deliveryId, deliveryId))
    .groupBy(deliveryMessages.status);
  const messages = Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<(typeof counts)[number]["status"], number>>;
  return { ...row, file: file ?? null, messages };
}
export type DirectMailPanelData = NonNullable<Awaited<ReturnType<typeof getDirectMailPanel>>>;

/** The extraction file of a delivery, for the central download. */
export async function getDeliveryFile(db: DbOrTx, deliveryId: string) {
  const [file] = await db.select({ fileName: deliveryFiles.fileName, data: deliveryFiles.data }).from(deliveryFiles).where(eq(deliveryFiles.deliveryId, deliveryId));
  return file ? { fileName: file.fileName, data: Buffer.from(file.data, "utf8") } : null;
}
