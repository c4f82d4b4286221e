import type { Metadata } from "next";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/card";
import { emptyPackageValues, packageFormOptions } from "@/lib/packages/form-data";
import { pageCentral } from "@/lib/pages";
import { PackageForm } from "../package-form";

export const metadata: Metadata = { title: "New campaign package" };

export default async function NewPackagePage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  await pageCentral("/admin/packages/new");
  const kind = (await searchParams).kind === "local" ? "local" : "collaborative";
  const options = await packageFormOptions(getDb(), kind);
  return (
    <>
      <PageHeader
        title={kind === "local" ? "New local campaign package (localEmpty)" : "New collaborative package (mutualizedEmpty)"}
        description={kind === "local" ? "Each ordering entity gets its own copy of the reference campaign." : "The central team runs the reference campaign; entities subscribe to it."}
      />
      <PackageForm initial={emptyPackageValues(kind)} {...options} />
    </>
  );
}
