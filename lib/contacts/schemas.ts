import { z } from "zod";
import type { contactStatuses } from "@/db/schema";
import { emailField } from "@/lib/auth/schemas";

export const contactFormSchema = z.object({
  entity: z.string().min(1).max(60),
  email: emailField,
  firstName: z.string().trim().max(80, "Keep the first name under 80 characters."),
  lastName: z.string().trim().min(1, "Enter a last name.").max(80, "Keep the last name under 80 characters."),
});
export type ContactFormInput = z.input<typeof contactFormSchema>;

// This file runs in the browser too (the import preview), so the statuses are repeated here rather
// than imported from the database schema; the type below fails to compile if the two lists differ.
export const CONTACT_STATUSES = ["active", "unsubscribed", "bounced"] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameStatuses: Same<(typeof CONTACT_STATUSES)[number], (typeof contactStatuses)[number]> = true;
export type ContactStatusValue = (typeof CONTACT_STATUSES)[number];

export const MAX_ATTRIBUTES = 50;
export const MAX_ATTRIBUTE_VALUE = 500;
export const MAX_ATTRIBUTE_NAME = 100;
/** Rows per import call: the browser sends batches of this size and the server refuses more. */
export const IMPORT_BATCH_SIZE = 1000;

const contactEmail = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "This email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform((v) => v.toLowerCase());

/**
 * One contact of an import file, checked the same way in the browser (preview) and on the server.
 * An empty name, status or attribute means "not given": a new contact gets an empty name, the
 * status active and no such attribute; an existing contact keeps what it has (lib/contacts/README.md).
 */
export const contactImportRowSchema = z.object({
  email: contactEmail,
  firstName: z.string().trim().max(80, "Keep the first name under 80 characters.").default(""),
  lastName: z.string().trim().max(80, "Keep the last name under 80 characters.").default(""),
  status: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["", ...CONTACT_STATUSES], { error: "Use active, unsubscribed or bounced, or leave it empty." }))
    .default(""),
  attributes: z
    .record(
      z.string().min(1, "An attribute needs a name.").max(MAX_ATTRIBUTE_NAME, `Keep attribute names under ${MAX_ATTRIBUTE_NAME} characters.`),
      z.string().trim().max(MAX_ATTRIBUTE_VALUE, `Keep each value under ${MAX_ATTRIBUTE_VALUE} characters.`),
    )
    .refine((a) => Object.keys(a).length <= MAX_ATTRIBUTES, `A contact has at most ${MAX_ATTRIBUTES} attributes.`)
    .transform((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== "")))
    .default({}),
});
export type ContactImportRowInput = z.input<typeof contactImportRowSchema>;
export type ContactImportRow = z.output<typeof contactImportRowSchema>;

export const importContactsSchema = z
  .object({
    entity: z.string().min(1).max(60),
    rows: z
      .array(contactImportRowSchema)
      .min(1, "Send at least one contact.")
      .max(IMPORT_BATCH_SIZE, `Send at most ${IMPORT_BATCH_SIZE.toLocaleString("en")} contacts per call.`),
  })
  .superRefine((v, ctx) => {
    // One statement upserts the whole batch, and it can touch each (entity, email) only once.
    const seen = new Map<string, number>();
    v.rows.forEach((r, i) => {
      const first = seen.get(r.email);
      if (first === undefined) seen.set(r.email, i);
      else ctx.addIssue({ code: "custom", path: ["rows", i, "email"], message: `This email is already on row ${first + 1} of this batch.` });
    });
  });
export type ImportContactsInput = z.input<typeof importContactsSchema>;

export const setContactStatusSchema = z.object({
  entity: z.string().min(1).max(60),
  contactId: z.uuid(),
  status: z.enum(CONTACT_STATUSES, { error: "Choose active, unsubscribed or bounced." }),
});
export type SetContactStatusInput = z.input<typeof setContactStatusSchema>;
