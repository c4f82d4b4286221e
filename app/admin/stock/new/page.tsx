import type { Metadata } from "next";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/card";
import { pageCentral } from "@/lib/pages";
import { stockManagerOptions, stockProviderOptions } from "@/lib/stock/queries";
import { emptyStockLine } from "@/lib/stock/schemas";
import { StockLineForm } from "../stock-line-form";

export const metadata: Metadata = { title: "New stock line" };

export default async function NewStockLinePage() {
  await pageCentral("/admin/stock/new");
  const db = getDb();
  const [providers, managers] = await Promise.all([stockProviderOptions(db), stockManagerOptions(db)]);
  return (
    <>
      <PageHeader title="New stock line" description="A marketing resource that deliveries consume, one unit per targeted item." />
      <StockLineForm initial={emptyStockLine} providers={providers} managers={managers} />
    </>
  );
}
