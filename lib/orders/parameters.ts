import { z } from "zod";
import type { PersonalizationField } from "@/db/schema/campaigns";

// One definition of an order's personalization values, built from the template's fields: the
// wizard's resolver and the server action both parse with it, so they cannot disagree.
// No database import: this file runs in the browser too.

export type ParameterValue = string | number | boolean | null;
/** What the form holds: inputs give strings, checkboxes booleans, file inputs a File or nothing. */
export type ParameterFormValue = string | boolean | File | null;

export const MAX_ORDER_FILE_BYTES = 10 * 1024 * 1024;
/** What one request may carry in all: the server-action body limit in next.config.ts is just above. */
export const MAX_ORDER_UPLOAD_BYTES = 25 * 1024 * 1024;

export const orderFileSchema = z
  .instanceof(File, { message: "Choose a file." })
  .refine((f) => f.size > 0, "The file is empty.")
  .refine((f) => f.size <= MAX_ORDER_FILE_BYTES, "Keep each file under 10 MB.")
  .refine((f) => f.name.length <= 200, "Shorten the file name to 200 characters.");

function isDay(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
}

/** A string input: empty is "no value" (null) unless required; otherwise it must pass `check`. */
function typedString(f: PersonalizationField, check: (v: string) => string | undefined, convert: (v: string) => ParameterValue, emptyMessage: string) {
  return z.unknown().transform((raw, ctx) => {
    // A field the request left out is empty; anything but text is refused like a wrong value.
    if (raw !== undefined && raw !== null && typeof raw !== "string") {
      ctx.addIssue({ code: "custom", message: emptyMessage });
      return z.NEVER;
    }
    const v = (raw ?? "").trim();
    if (!v) {
      if (f.required) ctx.addIssue({ code: "custom", message: emptyMessage });
      return null;
    }
    const problem = check(v);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return convert(v);
  });
}

function fieldSchema(f: PersonalizationField, hasFile: boolean): z.ZodType<ParameterValue | File> {
  const missing = `Enter ${f.label}.`;
  switch (f.type) {
    case "text":
      return typedString(f, (v) => (v.length > 2000 ? "Keep it under 2,000 characters." : undefined), (v) => v, missing).transform((v) => v ?? "");
    case "number":
      return typedString(f, (v) => (/^-?\d+(\.\d+)?$/.test(v) ? undefined : "Enter a number, like 12 or 12.5."), Number, missing);
    case "date":
      return typedString(f, (v) => (isDay(v) ? undefined : "Enter a date."), (v) => v, `Choose ${f.label}.`);
    case "select": {
      const options = f.options ?? [];
      return typedString(f, (v) => (options.includes(v) ? undefined : "Choose one of the options."), (v) => v, `Choose ${f.label}.`);
    }
    case "boolean":
      // A checkbox always answers: unchecked is "no", so "required" cannot be unmet.
      return z.boolean().catch(false);
    case "file":
      // A file already attached to the order satisfies a required field until it is replaced.
      return z.unknown().transform((v, ctx) => {
        if (v === null || v === undefined || v === "") {
          if (f.required && !hasFile) ctx.addIssue({ code: "custom", message: `Attach ${f.label}.` });
          return null;
        }
        const file = orderFileSchema.safeParse(v);
        if (!file.success) {
          ctx.addIssue({ code: "custom", message: file.error.issues[0]?.message ?? "Choose a file." });
          return z.NEVER;
        }
        return file.data;
      });
  }
}

/** The personalization values of an order, keyed by field name. */
export function parametersSchema(fields: PersonalizationField[], opts: { filesOnOrder?: string[] } = {}) {
  const onOrder = new Set(opts.filesOnOrder ?? []);
  const shape = z.object(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f, onOrder.has(f.name))])));
  // A field the request left out counts as empty, so that its own rule (required or not) decides.
  return z.preprocess((raw) => ({ ...Object.fromEntries(fields.map((f) => [f.name, null])), ...(raw && typeof raw === "object" ? raw : {}) }), shape);
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

/**
 * The template's defaults as stored values, for orders nobody filled in (automatic
 * pre-subscription): a required field without a default stays empty until the entity sets it.
 */
export function defaultParameters(fields: PersonalizationField[]): Record<string, ParameterValue> {
  return Object.fromEntries(
    fields.map((f) => {
      const d = f.default ?? "";
      if (f.type === "boolean") return [f.name, d === "true"];
      if (!d || f.type === "file") return [f.name, null];
      return [f.name, f.type === "number" && Number.isFinite(Number(d)) ? Number(d) : d];
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
  }).superRefine((v, ctx) => {
    const files = [...v.documents, ...Object.values(v.parameters).filter((p): p is File => p instanceof File)];
    if (files.reduce((n, f) => n + f.size, 0) > MAX_ORDER_UPLOAD_BYTES) {
      ctx.addIssue({ code: "custom", path: ["documents"], message: "Keep the files of one save under 25 MB in all: attach the rest in a second save." });
    }
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
