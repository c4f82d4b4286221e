import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { orders, packages } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { changeRefusal, entityMayChange } from "@/lib/orders/entity-changes";
import { listOrderDocuments } from "@/lib/orders/files";
import { packageWithTemplate } from "@/lib/orders/orderability";
import { reviewerChoices } from "@/lib/orders/reviewers";
import { pageEntity } from "@/lib/pages";
import { OrderEditForm } from "./order-edit-form";

export const metadata: Metadata = { title: "Edit the order" };

export default async function EditOwnOrderPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const { entity: slug, id } = await params;
  const { entity } = await pageEntity(`/portal/${slug}/orders/${id}/edit`, slug);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  // Scoped to the entity: another entity's order answers exactly like a missing one.
  const [row] = await db
    .select({ order: orders, policy: { approvalMode: packages.approvalMode, registrationDeadline: packages.registrationDeadline, endAt: packages.endAt }, packageLabel: packages.label })
    .from(orders)
    .innerJoin(packages, eq(packages.id, orders.packageId))
    .where(and(eq(orders.id, id), eq(orders.entityId, entity.id)));
  if (!row) notFound();
  const { order } = row;
  const orderHref = `/portal/${entity.internalName}/orders/${order.id}`;

  if (!entityMayChange(order, row.policy)) {
    const reason = changeRefusal(order, row.policy);
    return (
      <>
        <PageHeader title={`Edit ${order.label}`} description={row.packageLabel} />
        <Card className="max-w-2xl space-y-4">
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            {reason}
          </p>
          <Button asChild variant="secondary">
            <Link href={orderHref}>Back to the order</Link>
          </Button>
        </Card>
      </>
    );
  }

  const found = await packageWithTemplate(db, order.packageId);
  if (!found) notFound();
  const { limits } = found;
  const [documents, operators] = await Promise.all([listOrderDocuments(db, order.id), reviewerChoices(db, entity.id, limits)]);
  const fieldNames = new Set(limits.fields.map((f) => f.name));
  const filesOnOrder = Object.fromEntries(documents.flatMap((d) => (d.fieldName && fieldNames.has(d.fieldName) ? [[d.fieldName, d.fileName]] : [])));
  // Only reviewers still listed can be kept: the form shows and sends no one else.
  const reviewerIds = order.reviewerIds.filter((r) => operators.some((o) => o.id === r));
  const general = documents.filter((d) => d.fieldName === null).map((d) => ({ id: d.id, fileName: d.fileName, size: d.size }));

  return (
    <>
      <PageHeader title={`Edit ${order.label}`} description={row.packageLabel} />
      <OrderEditForm
        entity={entity.internalName}
        orderId={order.id}
        packageId={order.packageId}
        limits={limits}
        operators={operators}
        initial={{ label: order.label, comment: order.comment, parameters: order.parameters, reviewerIds }}
        filesOnOrder={filesOnOrder}
        documents={general}
        cancelHref={orderHref}
      />
    </>
  );
}
