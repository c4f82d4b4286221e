import { Badge } from "@/components/ui/badge";
import { stockStatusLabels } from "@/lib/stock/labels";

/** Alert (at or below the alert level) or OK, the same words on the chart, the table and the line page. */
export function StockStatusBadge({ inAlert }: { inAlert: boolean }) {
  return inAlert ? <Badge tone="red">{stockStatusLabels.alert}</Badge> : <Badge tone="green">{stockStatusLabels.ok}</Badge>;
}
