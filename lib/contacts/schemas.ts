import { z } from "zod";
import { emailField } from "@/lib/auth/schemas";

export const contactFormSchema = z.object({
  entity: z.string().min(1).max(60),
  email: emailField,
  firstName: z.string().trim().max(80, "Keep the first name under 80 characters."),
  lastName: z.string().trim().min(1, "Enter a last name.").max(80, "Keep the last name under 80 characters."),
});
export type ContactFormInput = z.input<typeof contactFormSchema>;
