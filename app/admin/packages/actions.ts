"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import {
  cancelPackageDef,
  createPackageDef,
  addPackageDocumentDef,
  reinitializePackageDef,
  removePackageDocumentDef,
  reviewPackageDef,
  submitPackageDef,
  updatePackageDef,
} from "@/lib/packages/actions";
import type { PackageFormInput } from "@/lib/packages/schemas";

function refresh(id?: string) {
  revalidatePath("/admin/packages");
  if (id) revalidatePath(`/admin/packages/${id}`);
}

export async function createPackageAction(input: PackageFormInput) {
  const res = await invoke(createPackageDef, input);
  if (res.ok) refresh();
  return res;
}

export async function updatePackageAction(input: PackageFormInput & { id: string }) {
  const res = await invoke(updatePackageDef, input);
  if (res.ok) refresh(input.id);
  return res;
}

export async function submitPackageAction(input: { packageId: string }) {
  const res = await invoke(submitPackageDef, input);
  if (res.ok) refresh(input.packageId);
  return res;
}

export async function reviewPackageAction(input: { packageId: string; decision: "accept" | "reject"; comment?: string }) {
  const res = await invoke(reviewPackageDef, input);
  if (res.ok) refresh(input.packageId);
  return res;
}

export async function cancelPackageAction(input: { packageId: string; comment: string }) {
  const res = await invoke(cancelPackageDef, input);
  if (res.ok) refresh(input.packageId);
  return res;
}

export async function reinitializePackageAction(input: { packageId: string }) {
  const res = await invoke(reinitializePackageDef, input);
  if (res.ok) refresh(input.packageId);
  return res;
}

// Files arrive as FormData; the same zod schema as every action checks them.
export async function addPackageDocumentAction(form: FormData) {
  const packageId = String(form.get("packageId") ?? "");
  const res = await invoke(addPackageDocumentDef, { packageId, file: form.get("file") });
  if (res.ok) refresh(packageId);
  return res;
}

export async function removePackageDocumentAction(input: { packageId: string; documentId: string }) {
  const res = await invoke(removePackageDocumentDef, input);
  if (res.ok) refresh(input.packageId);
  return res;
}
