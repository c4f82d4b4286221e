import { z } from "zod";

// Shared by the forms and the actions of campaign execution.
const entity = z.string().min(1).max(100);

export const targetChecksSchema = z.object({
  entity,
  taskId: z.uuid(),
  contactIds: z.union([z.array(z.uuid()).min(1).max(500), z.literal("all")]),
  checked: z.boolean(),
});

export const approveTargetingSchema = z.object({
  entity,
  taskId: z.uuid(),
  comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters."),
});

export const unsubscribeSchema = z.object({ token: z.string().min(10).max(200) });
