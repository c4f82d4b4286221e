import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/card";
import { getTemplateForEdit } from "@/lib/campaigns/template-queries";
import { pageCentral } from "@/lib/pages";
import { TemplateForm } from "../template-form";

export const metadata: Metadata = { title: "Edit campaign template" };

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await pageCentral(`/admin/campaigns/templates/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const found = await getTemplateForEdit(getDb(), id);
  if (!found) notFound();
  return (
    <>
      <PageHeader title={found.label} description="Campaign template" />
      <TemplateForm id={id} initial={found.values} />
    </>
  );
}
