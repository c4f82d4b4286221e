import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../validation";
import { newPasswordSchema, signInSchema } from "./schemas";

describe("sign-in input", () => {
  it("normalises the email", () => {
    expect(signInSchema.parse({ email: "  Amelie@Paris-Nord.DEMO ", password: "x" }).email).toBe("amelie@paris-nord.demo");
  });

  it.each([
    [{ email: "", password: "" }, { email: "Enter your email address.", password: "Enter your password." }],
    [{ email: "not-an-email", password: "x" }, { email: "Enter a valid email address, like name@example.com." }],
    [{ email: `${"a".repeat(250)}@x.io`, password: "x" }, { email: "This email address is too long." }],
    [{ email: "a@b.co", password: "p".repeat(201) }, { password: "This password is too long." }],
  ])("gives a clear message per field for %j", (input, expected) => {
    const res = signInSchema.safeParse(input);
    expect(res.success).toBe(false);
    expect(fieldErrorsOf(res.error!)).toEqual(expected);
  });

  it("checks a new password's length and confirmation", () => {
    const res = newPasswordSchema.safeParse({ token: "t", name: "Ann", password: "short", confirm: "other" });
    expect(fieldErrorsOf(res.error!)).toEqual({ password: "Use at least 10 characters.", confirm: "The two passwords differ." });
  });
});
