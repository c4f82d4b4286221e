import { contacts } from "@/db/schema";
import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { contactFormSchema } from "./schemas";

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
