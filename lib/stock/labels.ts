import type { StockStatus } from "./queries";

// The words of the stock screens (§9), in one place for the dashboard, the line page and tests.
export const stockStatusLabels: Record<StockStatus, string> = { alert: "Alert", ok: "OK" };

export const quantity = (n: number) => n.toLocaleString("en");
