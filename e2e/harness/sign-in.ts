import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";

export const demo = {
  admin: "admin@central.demo",
  central: "operator@central.demo",
  paris: "amelie@paris-nord.demo",
  lyon: "chloe@lyon-centre.demo",
  regional: "regional@network.demo",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export const storage = (who: keyof typeof demo) => `e2e/.auth/${who}.json`;
