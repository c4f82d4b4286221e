import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { getDb } from "@/db";
import { stockWarningFor } from "@/lib/stock/warnings";

const n = (v: number) => v.toLocaleString("en");

/**
 * Shown at approval when the delivery would take more from its stock line than the line holds
 * (§9). A warning, not a block: approving stays possible, once someone has decided to. The central
 * page links to the line; the portal's operators have no stock pages.
 */
export async function StockWarning({ deliveryId, linkToLine = false }: { deliveryId: string; linkToLine?: boolean }) {
  const w = await stockWarningFor(getDb(), deliveryId);
  if (!w) return null;
  return (
    <div role="status" className="flex gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <TriangleAlert className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden />
      <div className="space-y-1">
        <p className="font-semibold">Not enough stock of {w.resource}</p>
        <p>
          This delivery needs {w.estimated ? "about " : ""}
          {n(w.needed)}; {n(w.inStock)} {w.inStock === 1 ? "is" : "are"} in stock (alert level {n(w.alertLevel)}).
          {w.estimated ? " The count is the population its workflow brings to it, before typology rules." : ""}
        </p>
        {linkToLine ? (
          <p>
            <Link href={`/admin/stock/${w.lineId}`} className="font-medium text-amber-900 underline hover:text-amber-700">
              See the stock line and its orders
            </Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
