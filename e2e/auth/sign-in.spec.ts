import { expect, test } from "@playwright/test";
import { linkIn, waitForEmail } from "../harness/mail";
import { demo, signIn } from "../harness/sign-in";

test.describe("signing in", () => {
  test("a central administrator lands in the admin area and manages operators", async ({ page }) => {
    await signIn(page, demo.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Operators" })).toBeVisible();
  });

  test("a central operator lands in the admin area, without operator management", async ({ page }) => {
    await signIn(page, demo.central);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("link", { name: "Operators" })).toHaveCount(0);
    const res = await page.goto("/admin/operators");
    expect(res?.status()).toBe(404);
  });

  test("a local operator lands in their entity's portal", async ({ page }) => {
    await signIn(page, demo.paris);
    await expect(page).toHaveURL(/\/portal\/paris-nord$/);
    await expect(page.getByRole("heading", { name: /Welcome, Amelie/ })).toBeVisible();
  });

  test("an operator of several entities picks one", async ({ page }) => {
    await signIn(page, demo.regional);
    await expect(page).toHaveURL(/\/portal$/);
    await page.getByRole("link", { name: /Lyon Centre/ }).click();
    await expect(page).toHaveURL(/\/portal\/lyon-centre$/);
  });

  test("a wrong password gets a clear message and no session", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demo.paris);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: /Wrong email or password/ })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.goto("/portal/paris-nord"))?.url()).toContain("/sign-in");
  });

  test("malformed input is explained next to each field", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await page.getByLabel("Email").fill("amelie-at-paris");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("sign-out ends the session", async ({ page }) => {
    await signIn(page, demo.paris);
    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/portal/paris-nord");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fportal%2Fparis-nord/);
  });

  test("a page asked for before signing in opens after signing in", async ({ page }) => {
    await page.goto("/portal/paris-nord/contacts");
    await expect(page).toHaveURL(/callbackUrl/);
    await page.getByLabel("Email").fill(demo.paris);
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/portal\/paris-nord\/contacts$/);
  });

  test("a one-time sign-in link from the email signs in once", async ({ page, browser }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Email me a sign-in link instead" }).click();
    await page.getByLabel("Email").fill(demo.lyon);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("status")).toContainText("a sign-in link is on its way");
    const link = linkIn(await waitForEmail(demo.lyon, "Your sign-in link"));
    await page.goto(link);
    await expect(page.getByText(`Continue as ${demo.lyon}`)).toBeVisible();
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/portal\/lyon-centre$/);

    const other = await browser.newContext();
    const again = await other.newPage();
    await again.goto(link);
    await expect(again.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
    await expect(again.getByText("already been used")).toBeVisible();
    await again.goto(`${link.slice(0, -1)}${link.endsWith("A") ? "B" : "A"}`);
    await expect(again.getByText("This link is not valid")).toBeVisible();
    await other.close();
  });

  test("asking a link for an unknown address answers the same and sends nothing", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Email me a sign-in link instead" }).click();
    await page.getByLabel("Email").fill("nobody@nowhere.test");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account exists");
    await expect(waitForEmail("nobody@nowhere.test", "sign-in", 2_000)).rejects.toThrow();
  });
});
