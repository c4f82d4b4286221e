import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaignTemplates, type PersonalizationField } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { localEditableParts } from "./local-schemas";
import type { TemplateValues } from "./schemas";

/** Creates or updates a campaign template with its distributed-marketing settings. */
export async function saveTemplate(tx: Tx, values: TemplateValues, id?: string): Promise<string> {
  const clash = await tx.query.campaignTemplates.findFirst({ where: eq(campaignTemplates.internalName, values.internalName) });
  if (clash && clash.id !== id) {
    throw new AppError("invalid_input", undefined, { internalName: "Another template already uses this internal name." });
  }
  const fields = values.personalizationFields.map(toStoredField);
  const row = {
    label: values.label,
    internalName: values.internalName,
    distributionLevel: values.distributionLevel,
    // A local template has no collaborative type, whatever the form last held.
    collaborativeType: values.distributionLevel === "collaborative" && values.collaborativeType ? values.collaborativeType : null,
    webInterfaceType: values.webInterfaceType,
    personalizationFields: fields,
    // The template's default values are its fields' defaults, kept by name for orders to start from.
    defaultValues: Object.fromEntries(fields.filter((f) => f.default !== undefined).map((f) => [f.name, f.default!])),
    maxReviewers: values.maxReviewers,
    maxDocuments: values.maxDocuments,
    // Each part once, in the usual order, whatever order the boxes were ticked in.
    localEditable: localEditableParts.filter((p) => values.localEditable.includes(p)),
  };
  if (id) {
    const updated = await tx.update(campaignTemplates).set(row).where(eq(campaignTemplates.id, id)).returning({ id: campaignTemplates.id });
    if (!updated.length) throw new AppError("not_found");
    return id;
  }
  const [created] = await tx.insert(campaignTemplates).values(row).returning({ id: campaignTemplates.id });
  return created!.id;
}

function toStoredField(f: TemplateValues["personalizationFields"][number]): PersonalizationField {
  return {
    name: f.name,
    label: f.label,
    type: f.type,
    required: f.required,
    ...(f.default && f.type !== "file" ? { default: f.default } : {}),
    ...(f.help ? { help: f.help } : {}),
    ...(f.type === "select" ? { options: f.options } : {}),
  };
}
