import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/card";
import { packageFormOptions, packageFormValues } from "@/lib/packages/form-data";
import { pageCentral } from "@/lib/pages";
import { PackageForm } from "../../package-form";

export const metadata: Metadata = { title: "Edit package" };

export default async function EditPackagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await pageCentral(`/admin/packages/${id}/edit`);
  if (!z.uuid().safeParse(id).success) notFound();
  const values = await packageFormValues(getDb(), id);
  if (!values) notFound();
  const options = await packageFormOptions(getDb(), values.kind);
  return (
    <>
      <PageHeader title={`Edit ${values.label}`} />
      <PackageForm id={id} initial={values} {...options} />
    </>
  );
}
