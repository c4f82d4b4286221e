import type { Metadata } from "next";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/card";
import { listParentOptions } from "@/lib/entities/queries";
import { pageCentral } from "@/lib/pages";
import { DistributionForm } from "../distribution-form";

export const metadata: Metadata = { title: "New data distribution" };

export default async function NewDistributionPage() {
  await pageCentral("/admin/data-distributions/new");
  const entities = await listParentOptions(getDb());
  return (
    <>
      <PageHeader title="New data distribution" />
      <DistributionForm
        entities={entities}
        initial={{ label: "", field: "entity", type: "fixed_size", assignment: "local_entity", approveTargeted: true, rows: [{ value: "", entityId: "", limit: 0, label: "" }] }}
      />
    </>
  );
}
