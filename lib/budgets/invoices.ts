import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { expenseLines, invoiceLines, invoices, providers } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { runBudgetMgtSoon } from "@/lib/technical/task";
import { campaignBudgetScope } from "./campaign-budget";
import type { InvoiceValues } from "./campaign-budget-schemas";

// §9 A campaign's invoices and their lines. budgetMgt counts the lines of paid invoices as
// Invoiced; the payment-date rules are the schema's, so form and action refuse alike.

/** Field errors for what the schema cannot know: the provider exists, each linked line is the campaign's. */
async function checkReferences(tx: Tx, input: InvoiceValues) {
  const fieldErrors: Record<string, string> = {};
  if (input.providerId) {
    const [provider] = await tx.select({ id: providers.id }).from(providers).where(eq(providers.id, input.providerId));
    if (!provider) fieldErrors.providerId = "This provider no longer exists.";
  }
  const linked = [...new Set(input.lines.map((l) => l.expenseLineId).filter(Boolean))];
  const own = linked.length
    ? new Set(
        (
          await tx
            .select({ id: expenseLines.id })
            .from(expenseLines)
            .where(and(eq(expenseLines.campaignId, input.campaignId), inArray(expenseLines.id, linked)))
        ).map((l) => l.id),
      )
    : new Set<string>();
  input.lines.forEach((l, i) => {
    if (l.expenseLineId && !own.has(l.expenseLineId)) fieldErrors[`lines.${i}.expenseLineId`] = "Choose one of this campaign's expense lines.";
  });
  if (Object.keys(fieldErrors).length) throw new AppError("invalid_input", undefined, fieldErrors);
}

/** Adds an invoice (no `invoiceId`) or edits one of the campaign's; its lines are replaced by the form's. */
export async function saveInvoice(tx: Tx, actorId: string, input: InvoiceValues): Promise<{ id: string }> {
  await campaignBudgetScope(tx, input.campaignId);
  await checkReferences(tx, input);
  const values = {
    number: input.number,
    providerId: input.providerId || null,
    issuedOn: input.issuedOn,
    status: input.status,
    paidOn: input.status === "paid" ? input.paidOn : null,
  };
  let id: string;
  if (input.invoiceId) {
    const [updated] = await tx
      .update(invoices)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(invoices.id, input.invoiceId), eq(invoices.campaignId, input.campaignId)))
      .returning({ id: invoices.id });
    if (!updated) throw new AppError("not_found");
    id = updated.id;
    // Nothing points at an invoice line: replacing them is simpler than matching them.
    await tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, id));
  } else {
    const [created] = await tx.insert(invoices).values({ ...values, campaignId: input.campaignId, createdById: actorId }).returning({ id: invoices.id });
    id = created!.id;
  }
  await tx.insert(invoiceLines).values(input.lines.map((l) => ({ invoiceId: id, label: l.label, amount: l.amount, expenseLineId: l.expenseLineId || null })));
  await runBudgetMgtSoon(tx);
  return { id };
}

/** Removes one of the campaign's invoices with its lines (on delete cascade). */
export async function removeInvoice(tx: Tx, input: { campaignId: string; invoiceId: string }) {
  const [removed] = await tx
    .delete(invoices)
    .where(and(eq(invoices.id, input.invoiceId), eq(invoices.campaignId, input.campaignId)))
    .returning({ id: invoices.id });
  if (!removed) throw new AppError("not_found");
  await runBudgetMgtSoon(tx);
  return { id: removed.id };
}
