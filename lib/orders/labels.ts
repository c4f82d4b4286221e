import type { Tone } from "@/components/ui/badge";
import type { OrderStatus } from "@/db/schema/orders";

export const orderStatusLabels: Record<OrderStatus, string> = {
  ordered: "Ordered (pending approval)",
  approved: "Approved",
  available: "Available",
  rejected: "Rejected",
  canceled: "Canceled",
};

export const orderStatusTones: Record<OrderStatus, Tone> = {
  ordered: "amber",
  approved: "blue",
  available: "green",
  rejected: "red",
  canceled: "gray",
};

/** Bar colours of the "Orders by status" charts. */
export const orderStatusBarColors: Record<OrderStatus, string> = {
  ordered: "bg-amber-400",
  approved: "bg-blue-500",
  available: "bg-emerald-500",
  rejected: "bg-red-400",
  canceled: "bg-slate-400",
};
