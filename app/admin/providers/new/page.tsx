import type { Metadata } from "next";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/card";
import { pageCentral } from "@/lib/pages";
import { defaultFileNamePattern } from "@/lib/providers/schemas";
import { stockLineOptions } from "@/lib/stock/queries";
import { ProviderForm } from "../provider-form";

export const metadata: Metadata = { title: "New service provider" };

export default async function NewProviderPage() {
  await pageCentral("/admin/providers/new");
  const stockLines = await stockLineOptions(getDb());
  return (
    <>
      <PageHeader title="New service provider" />
      <ProviderForm
        stockLines={stockLines}
        initial={{
          name: "",
          contactEmails: "",
          exportColumns: [
            { header: "Email", field: "email" },
            { header: "First name", field: "firstName" },
            { header: "Last name", field: "lastName" },
          ],
          fileNamePattern: defaultFileNamePattern,
          notifySubject: "",
          notifyBody: "",
          finishOnSend: false,
          categories: [],
        }}
      />
    </>
  );
}
