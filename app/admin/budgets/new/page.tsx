import type { Metadata } from "next";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/card";
import { blankBudget } from "@/lib/budgets/budget-schemas";
import { parentOptions } from "@/lib/budgets/budgets-detail";
import { pageCentral } from "@/lib/pages";
import { BudgetForm } from "../budget-form";

export const metadata: Metadata = { title: "New budget" };

export default async function NewBudgetPage() {
  await pageCentral("/admin/budgets/new");
  return (
    <>
      <PageHeader title="New budget" />
      <BudgetForm initial={blankBudget} parents={await parentOptions(getDb())} />
    </>
  );
}
