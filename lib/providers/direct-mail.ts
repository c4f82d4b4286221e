import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { deliveries, deliveryFiles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { runSupplierMgtSoon } from "@/lib/technical/task";

// The central operator's part of a direct-mail delivery's provider steps (§7, §8). The delivery
// row is locked first, so the checks and the UPDATE see the same state as supplierMgt.

async function lockDirectMail(tx: Tx, deliveryId: string) {
  const [d] = await tx
    .select({ id: deliveries.id, status: deliveries.status, realCost: deliveries.realCost })
    .from(deliveries)
    .where(and(eq(deliveries.id, deliveryId), eq(deliveries.channel, "direct_mail")))
    .for("update");
  if (!d) throw new AppError("not_found");
  return d;
}

/** **Approve the file**: supplierMgt then sends it to the provider, soon rather than at its next slot. */
export async function approveDeliveryFile(tx: Tx, actorId: string, deliveryId: string) {
  const d = await lockDirectMail(tx, deliveryId);
  if (d.status !== "file_to_approve") throw new AppError("conflict", "The file can only be approved while the delivery is File to approve.");
  const [file] = await tx
    .update(deliveryFiles)
    .set({ approvedAt: sql`now()`, approvedById: actorId })
    .where(and(eq(deliveryFiles.deliveryId, deliveryId), isNull(deliveryFiles.approvedAt)))
    .returning({ id: deliveryFiles.id });
  if (!file) {
    const exists = await tx.select({ id: deliveryFiles.id }).from(deliveryFiles).where(eq(deliveryFiles.deliveryId, deliveryId));
    throw new AppError("conflict", exists.length ? "The file is already approved: it goes to the provider shortly." : "There is no extraction file to approve yet.");
  }
  await runSupplierMgtSoon(tx);
  return { deliveryId, approved: true };
}

/**
 * **Mark finished** once the provider has done the job, with the real cost it reports (optional).
 * On a finished direct-mail delivery it records a real cost reported later.
 */
export async function finishProviderDelivery(tx: Tx, input: { deliveryId: string; realCost: string }) {
  const d = await lockDirectMail(tx, input.deliveryId);
  const realCost = input.realCost || null;
  if (d.status === "finished" && !realCost) throw new AppError("invalid_input", undefined, { realCost: "Enter the real cost the provider reported." });
  if (d.status !== "sent_to_provider" && d.status !== "finished") {
    throw new AppError("conflict", "Only a delivery Sent to provider can be marked finished.");
  }
  const [row] = await tx
    .update(deliveries)
    .set({
      status: "finished",
      finishedAt: sql`coalesce(${deliveries.finishedAt}, now())`,
      realCost: realCost ?? sql`${deliveries.realCost}`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(deliveries.id, d.id), inArray(deliveries.status, ["sent_to_provider", "finished"])))
    .returning({ status: deliveries.status, realCost: deliveries.realCost });
  if (!row) throw new AppError("conflict");
  return { deliveryId: d.id, status: row.status, realCost: row.realCost };
}
