import { z } from "zod";
import type { PersonalizationField } from "@/db/schema/campaigns";

// One definition of an order's personalization values, built from the template's fields: the
// wizard's resolver and the server action both parse with it, so they cannot disagree.
// No database import: this file runs in the browser too.

export type ParameterValue = string | number | boolean | null;
/** What the form holds: inputs give strings, checkboxes booleans, file inputs a File or nothing. */
export type ParameterFormValue = string | boolean | File | null;

export const MAX_ORDER_FILE_BYTES = 10 * 1024 * 1024;

export const orderFileSchema = z
  .instanceof(File, { message: "Choose a file." })
  .refine((f) => f.size > 0, "The file is empty.")
  .refine((f) => f.size <= MAX_ORDER_FILE_BYTES, "Keep each file under 10 MB.")
  .refine((f) => f.name.length <= 200, "Shorten the file name to 200 characters.");

function isDay(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
}

function fieldSchema(f: PersonalizationField, hasFile: boolean): z.ZodType<ParameterValue | File> {
  const missing = `Enter ${f.label}.`;
  const text = (max: number) => z.string({ error: missing }).trim().max(max, `Keep it under ${max} characters.`);
  const optionalEmpty = <T extends z.ZodType<unknown, string>>(inner: T) =>
    z.string({ error: missing }).trim().pipe(z.union([z.literal("").transform(() => null), inner]));
  switch (f.type) {
    case "text": {
      const s = text(2000);
      return f.required ? s.min(1, missing) : s;
    }
    case "number": {
      const n = z.string().regex(/^-?\d+(\.\d+)?$/, "Enter a number, like 12 or 12.5.").transform(Number);
      return f.required ? z.string({ error: missing }).trim().min(1, missing).pipe(n) : optionalEmpty(n);
    }
    case "date": {
      const d = z.string().refine(isDay, "Enter a date.");
      return f.required ? z.string({ error: missing }).trim().min(1, `Choose ${f.label}.`).pipe(d) : optionalEmpty(d);
    }
    case "select": {
      const options = f.options ?? [];
      const s = z.string().refine((v) => options.includes(v), "Choose one of the options.");
      return f.required ? z.string({ error: `Choose ${f.label}.` }).min(1, `Choose ${f.label}.`).pipe(s) : optionalEmpty(s);
    }
    case "boolean":
      // A checkbox always answers: unchecked is "no", so "required" cannot be unmet.
      return z.boolean().catch(false);
    case "file":
      // A file already attached to the order satisfies a required field until it is replaced.
      return f.required && !hasFile
        ? orderFileSchema.nullable().refine((v) => v !== null, `Attach ${f.label}.`) as z.ZodType<File>
        : z.union([orderFileSchema, z.null()]).optional().transform((v) => v ?? null);
  }
}

/** The personalization values of an order, keyed by field name. */
export function parametersSchema(fields: PersonalizationField[], opts: { filesOnOrder?: string[] } = {}) {
  const onOrder = new Set(opts.filesOnOrder ?? []);
  return z.object(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f, onOrder.has(f.name))])));
}

/** What the form starts from: the order's values, else the template's defaults, else empty. */
export function initialParameters(fields: PersonalizationField[], stored: Record<string, ParameterValue> = {}): Record<string, ParameterFormValue> {
  return Object.fromEntries(
    fields.map((f) => {
      const v = stored[f.name] ?? f.default ?? null;
      if (f.type === "boolean") return [f.name, v === true || v === "true"];
      if (f.type === "file") return [f.name, null];
      return [f.name, v === null ? "" : String(v)];
    }),
  );
}

export type OrderTemplateLimits = { fields: PersonalizationField[]; maxReviewers: number; maxDocuments: number };

/** Step one and two of the wizard together: what the entity sends when it clicks Validate. */
export function orderDetailsSchema(t: OrderTemplateLimits, opts: { filesOnOrder?: string[]; documentsOnOrder?: number } = {}) {
  const room = Math.max(0, t.maxDocuments - (opts.documentsOnOrder ?? 0));
  return z.object({
    label: z.string().trim().min(1, "Enter a label for the order.").max(160, "Keep the label under 160 characters."),
    comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters."),
    parameters: parametersSchema(t.fields, opts),
    reviewerIds: z
      .array(z.uuid())
      .max(t.maxReviewers, t.maxReviewers ? `Name at most ${t.maxReviewers} reviewers.` : "This campaign takes no reviewers.")
      .refine((ids) => new Set(ids).size === ids.length, "Name each reviewer once."),
    documents: z.array(orderFileSchema).max(room, t.maxDocuments ? `Attach at most ${t.maxDocuments} documents in all.` : "This campaign takes no documents."),
  });
}
export type OrderDetailsForm = {
  label: string;
  comment: string;
  parameters: Record<string, ParameterFormValue>;
  reviewerIds: string[];
  documents: File[];
};
export type OrderDetails = z.output<ReturnType<typeof orderDetailsSchema>>;
