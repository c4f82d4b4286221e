"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { addContactDef } from "@/lib/contacts/actions";
import type { ContactFormInput } from "@/lib/contacts/schemas";

export async function addContactAction(input: ContactFormInput) {
  const res = await invoke(addContactDef, input);
  if (res.ok) revalidatePath(`/portal/${input.entity}/contacts`);
  return res;
}
