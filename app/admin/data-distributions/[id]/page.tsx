import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/card";
import { getDistributionForEdit } from "@/lib/distributions/queries";
import { listParentOptions } from "@/lib/entities/queries";
import { pageCentral } from "@/lib/pages";
import { DistributionForm } from "../distribution-form";

export const metadata: Metadata = { title: "Data distribution" };

export default async function EditDistributionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await pageCentral(`/admin/data-distributions/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const [found, entities] = await Promise.all([getDistributionForEdit(db, id), listParentOptions(db)]);
  if (!found) notFound();
  return (
    <>
      <PageHeader title={found.distribution.label} description="Data distribution" />
      <DistributionForm id={id} initial={found.values} entities={entities} />
    </>
  );
}
