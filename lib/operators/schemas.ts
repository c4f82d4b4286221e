import { z } from "zod";
import { emailField } from "@/lib/auth/schemas";

export const inviteSchema = z
  .object({
    email: emailField,
    name: z.string().trim().min(1, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
    role: z.enum(["central", "local"], { message: "Choose a role." }),
    isAdmin: z.boolean(),
    entityIds: z.array(z.uuid()).max(500),
  })
  .superRefine((v, ctx) => {
    if (v.role === "local" && v.entityIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["entityIds"], message: "Choose at least one entity for a local operator." });
    }
    if (v.role === "local" && v.isAdmin) {
      ctx.addIssue({ code: "custom", path: ["isAdmin"], message: "Only central operators can be administrators." });
    }
  });
export type InviteInput = z.input<typeof inviteSchema>;
