import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { emptyTemplate } from "@/lib/campaigns/template-queries";
import { pageCentral } from "@/lib/pages";
import { TemplateForm } from "../template-form";

export const metadata: Metadata = { title: "New campaign template" };

export default async function NewTemplatePage() {
  await pageCentral("/admin/campaigns/templates/new");
  return (
    <>
      <PageHeader title="New campaign template" />
      <TemplateForm initial={emptyTemplate} />
    </>
  );
}
