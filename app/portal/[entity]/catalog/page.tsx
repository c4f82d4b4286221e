import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { listCatalog } from "@/lib/catalog/queries";
import { pageEntity } from "@/lib/pages";
import { formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "Catalog" };

export default async function CatalogPage({ params }: { params: Promise<{ entity: string }> }) {
  const { entity: slug } = await params;
  const { entity } = await pageEntity(`/portal/${slug}/catalog`, slug);
  const offers = await listCatalog(getDb(), entity.id);
  return (
    <>
      <PageHeader title="Catalog" description={`The campaign packages the central team offers to ${entity.label}.`} />
      {offers.length === 0 ? (
        <Card className="text-sm text-slate-500">No package is offered to {entity.label} at the moment.</Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {offers.map((p) => (
            <li key={p.id}>
              <Link href={`/portal/${entity.internalName}/catalog/${p.id}`} className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-blue-300">
                <div className="flex items-start justify-between gap-3">
                  <h2 className="font-semibold text-slate-900">{p.label}</h2>
                  <Badge tone={p.kind === "local" ? "gray" : "blue"}>{p.kind === "local" ? "Local campaign" : "Collaborative"}</Badge>
                </div>
                {p.description ? <p className="mt-2 line-clamp-2 text-sm text-slate-600">{p.description}</p> : null}
                <p className="mt-3 text-xs text-slate-500">
                  {p.registrationDeadline ? `Register before ${formatDateTime(p.registrationDeadline)}` : `Offered until ${formatDateTime(p.endAt)}`}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
