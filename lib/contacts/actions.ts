import { and, eq } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { upsertContacts } from "./import";
import { contactFormSchema, importContactsSchema, setContactStatusSchema } from "./schemas";

export const addContactDef = defineAction({
  name: "addContact",
  access: "entity",
  schema: contactFormSchema,
  handler: async ({ db, entity }, input) => {
    // The tenant comes from the verified membership (`entity.id`), not from anything the client sent.
    const [row] = await db
      .insert(contacts)
      .values({ entityId: entity.id, email: input.email, firstName: input.firstName, lastName: input.lastName })
      .onConflictDoNothing()
      .returning({ id: contacts.id });
    if (!row) throw new AppError("invalid_input", undefined, { email: "This entity already has a contact with this email." });
    return { id: row.id };
  },
});

/** One batch (at most 1,000 rows) of a CSV import, checked again here and upserted into the member's entity. */
export const importContactsDef = defineAction({
  name: "importContacts",
  access: "entity",
  schema: importContactsSchema,
  handler: async ({ db, entity }, input) => db.transaction((tx) => upsertContacts(tx, entity.id, input.rows)),
});

/** Unsubscribed, bounced, or active again: only for a contact of the member's own entity. */
export const setContactStatusDef = defineAction({
  name: "setContactStatus",
  access: "entity",
  schema: setContactStatusSchema,
  handler: async ({ db, entity }, input) => {
    const [row] = await db
      .update(contacts)
      .set({ status: input.status })
      .where(and(eq(contacts.id, input.contactId), eq(contacts.entityId, entity.id)))
      .returning({ id: contacts.id, status: contacts.status });
    if (!row) throw new AppError("not_found");
    return row;
  },
});
