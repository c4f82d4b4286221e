import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/card";
import { pageCentral } from "@/lib/pages";
import { getProviderForEdit } from "@/lib/providers/queries";
import { stockLineOptions } from "@/lib/stock/queries";
import { ProviderForm } from "../provider-form";

export const metadata: Metadata = { title: "Service provider" };

export default async function EditProviderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await pageCentral(`/admin/providers/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const [found, stockLines] = await Promise.all([getProviderForEdit(getDb(), id), stockLineOptions(getDb())]);
  if (!found) notFound();
  return (
    <>
      <PageHeader title={found.provider.name} description="Service provider" />
      <ProviderForm id={id} initial={found.values} stockLines={stockLines} />
    </>
  );
}
