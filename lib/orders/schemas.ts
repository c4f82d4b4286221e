import { z } from "zod";

export const orderGeneralSchema = z.object({
  orderId: z.uuid(),
  label: z.string().trim().min(1, "Enter a label.").max(160, "Keep the label under 160 characters."),
  comment: z.string().max(2000, "Keep the comment under 2,000 characters."),
});
export type OrderGeneralInput = z.input<typeof orderGeneralSchema>;

export const deleteOrderSchema = z.object({
  orderId: z.uuid(),
  comment: z.string().trim().min(1, "Say why: the entity is told.").max(2000, "Keep the comment under 2,000 characters."),
});
