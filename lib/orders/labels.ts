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
