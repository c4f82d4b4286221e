import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { orderability, packageWithTemplate } from "@/lib/orders/orderability";
import { reviewerChoices } from "@/lib/orders/reviewers";
import { pageEntity } from "@/lib/pages";
import { OrderWizard } from "./order-wizard";

export const metadata: Metadata = { title: "Campaign order" };

export default async function OrderPackagePage({ params }: { params: Promise<{ entity: string; packageId: string }> }) {
  const { entity: slug, packageId } = await params;
  const { entity } = await pageEntity(`/portal/${slug}/catalog/${packageId}/order`, slug);
  if (!z.uuid().safeParse(packageId).success) notFound();
  const db = getDb();
  const base = `/portal/${entity.internalName}`;
  const check = await orderability(db, entity.id, packageId);

  if (!check.ok) {
    // A package the entity may not see says nothing about itself, not even its name.
    const known = check.code === "not_found" ? null : await packageWithTemplate(db, packageId);
    const verb = known?.pkg.kind === "collaborative" ? "Register for the campaign" : "Order the campaign";
    return (
      <>
        <PageHeader title={verb} description={known?.pkg.label} />
        <Card className="max-w-2xl space-y-4">
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            {check.reason}
          </p>
          <div className="flex flex-wrap gap-2">
            {check.liveOrderId ? (
              <Button asChild>
                <Link href={`${base}/orders/${check.liveOrderId}`}>Open your order</Link>
              </Button>
            ) : null}
            <Button asChild variant="secondary">
              <Link href={known ? `${base}/catalog/${packageId}` : `${base}/catalog`}>Back to the catalog</Link>
            </Button>
          </div>
        </Card>
      </>
    );
  }

  const { pkg, limits } = check;
  const operators = await reviewerChoices(db, entity.id, limits);
  const verb = pkg.kind === "collaborative" ? "Register for the campaign" : "Order the campaign";
  return (
    <>
      <PageHeader title={verb} description={pkg.label} />
      <OrderWizard
        entity={entity.internalName}
        packageId={pkg.id}
        defaultLabel={pkg.label}
        limits={limits}
        operators={operators}
        cancelHref={`${base}/catalog/${pkg.id}`}
      />
    </>
  );
}
