import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { campaigns, campaignTemplates } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import { defaultLocalEditable } from "./local-schemas";
import type { TemplateInput } from "./schemas";

export const templateSortable = ["label", "internalName", "distributionLevel", "webInterfaceType", "createdAt"] as const;
export type TemplateSort = (typeof templateSortable)[number];

export async function listTemplates(db: DbOrTx, query: TableQuery<TemplateSort> & { level?: "local" | "collaborative" }) {
  const filters: SQL[] = [];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(campaignTemplates.label, p), ilike(campaignTemplates.internalName, p))!);
  }
  if (query.level) filters.push(eq(campaignTemplates.distributionLevel, query.level));
  const where = and(...filters);
  const column = {
    label: campaignTemplates.label,
    internalName: campaignTemplates.internalName,
    distributionLevel: campaignTemplates.distributionLevel,
    webInterfaceType: campaignTemplates.webInterfaceType,
    createdAt: campaignTemplates.createdAt,
  }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: campaignTemplates.id,
        label: campaignTemplates.label,
        internalName: campaignTemplates.internalName,
        distributionLevel: campaignTemplates.distributionLevel,
        collaborativeType: campaignTemplates.collaborativeType,
        webInterfaceType: campaignTemplates.webInterfaceType,
        fields: sql<number>`jsonb_array_length(${campaignTemplates.personalizationFields})::int`,
        campaigns: sql<number>`(select count(*)::int from ${campaigns} c where c.template_id = "campaign_templates"."id" and c.entity_id is null)`,
        createdAt: campaignTemplates.createdAt,
      })
      .from(campaignTemplates)
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(campaignTemplates.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(campaignTemplates).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type TemplateRow = Awaited<ReturnType<typeof listTemplates>>["rows"][number];

export async function templateOptions(db: DbOrTx) {
  return db
    .select({ id: campaignTemplates.id, label: campaignTemplates.label })
    .from(campaignTemplates)
    .orderBy(asc(campaignTemplates.label))
    .limit(2000);
}

export async function getTemplateForEdit(db: DbOrTx, id: string): Promise<{ label: string; values: TemplateInput } | null> {
  const t = await db.query.campaignTemplates.findFirst({ where: eq(campaignTemplates.id, id) });
  if (!t) return null;
  return {
    label: t.label,
    values: {
      label: t.label,
      internalName: t.internalName,
      distributionLevel: t.distributionLevel,
      collaborativeType: t.collaborativeType ?? "",
      webInterfaceType: t.webInterfaceType,
      maxReviewers: t.maxReviewers,
      maxDocuments: t.maxDocuments,
      localEditable: t.localEditable,
      personalizationFields: t.personalizationFields.map((f) => ({
        name: f.name,
        label: f.label,
        type: f.type,
        required: f.required,
        default: f.default ?? "",
        help: f.help ?? "",
        options: f.options ?? [],
      })),
    },
  };
}

export const emptyTemplate: TemplateInput = {
  label: "",
  internalName: "",
  distributionLevel: "local",
  collaborativeType: "",
  webInterfaceType: "preset",
  maxReviewers: 0,
  maxDocuments: 0,
  personalizationFields: [],
  // As the column's default: the entity may change every part but the workflow until the central team says otherwise.
  localEditable: [...defaultLocalEditable],
};
