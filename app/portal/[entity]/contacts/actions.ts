"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { addContactDef, importContactsDef, setContactStatusDef } from "@/lib/contacts/actions";
import type { ContactFormInput, ImportContactsInput, SetContactStatusInput } from "@/lib/contacts/schemas";

export async function addContactAction(input: ContactFormInput) {
  const res = await invoke(addContactDef, input);
  if (res.ok) revalidatePath(`/portal/${input.entity}/contacts`);
  return res;
}

/** One batch of an import; the page calls it once per 1,000 rows and refreshes the list at the end. */
export async function importContactsAction(input: ImportContactsInput) {
  return invoke(importContactsDef, input);
}

export async function setContactStatusAction(input: SetContactStatusInput) {
  const res = await invoke(setContactStatusDef, input);
  if (res.ok) revalidatePath(`/portal/${input.entity}/contacts`);
  return res;
}
