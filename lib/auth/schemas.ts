import { z } from "zod";

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "This email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform((v) => v.toLowerCase());

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(200, "This password is too long."),
});
export type SignInInput = z.input<typeof signInSchema>;

export const signInLinkSchema = z.object({ email: emailField, callbackUrl: z.string().max(500).optional() });
export type SignInLinkInput = z.input<typeof signInLinkSchema>;

export const newPasswordSchema = z
  .object({
    token: z.string().min(1).max(100),
    name: z.string().trim().min(1, "Enter your name.").max(120, "Keep your name under 120 characters."),
    password: z
      .string()
      .min(10, "Use at least 10 characters.")
      .max(200, "Keep the password under 200 characters."),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ." });
export type NewPasswordInput = z.input<typeof newPasswordSchema>;
