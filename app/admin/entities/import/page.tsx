import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { pageCentral } from "@/lib/pages";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import entities" };

export default async function ImportEntitiesPage() {
  await pageCentral("/admin/entities/import");
  return (
    <>
      <PageHeader
        title="Import local entities"
        description="A CSV file with a header line: label, internal_name, email, phone, address, parent (the parent's internal name). Check the preview, then import: either every row is created, or none."
      />
      <ImportForm />
    </>
  );
}
