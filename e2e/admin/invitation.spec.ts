import { expect, test } from "@playwright/test";
import { linkIn, waitForEmail } from "../harness/mail";
import { storage } from "../harness/sign-in";

test.use({ storageState: storage("admin") });

test("an administrator invites a local operator, who follows the email to a first sign-in", async ({ page, browser }) => {
  const email = `new.operator.${Date.now()}@marseille-port.demo`;
  await page.goto("/admin/operators");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Nora Newcomer");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Choose at least one entity for a local operator.")).toBeVisible();
  await page.getByRole("checkbox", { name: "Marseille Port" }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toHaveText(`Invitation emailed to ${email}.`);
  await expect(page.getByText("Pending invitations").locator("..")).toContainText(email);

  const message = await waitForEmail(email, "invited you to Distributed Marketing");
  expect(message.text).toContain("as a local operator");
  const guest = await browser.newContext();
  const invited = await guest.newPage();
  await invited.goto(linkIn(message));
  await expect(invited.getByText(`Choose a password for ${email}`)).toBeVisible();
  await invited.getByLabel("Your name").fill("Nora Newcomer");
  await invited.getByLabel("Password", { exact: true }).fill("a-good-long-password");
  await invited.getByLabel("Confirm the password").fill("a-different-password");
  await invited.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invited.getByText("The two passwords differ.")).toBeVisible();
  await invited.getByLabel("Confirm the password").fill("a-good-long-password");
  await invited.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invited).toHaveURL(/\/portal\/marseille-port$/);
  await expect(invited.getByRole("heading", { name: "Welcome, Nora" })).toBeVisible();
  await guest.close();

  await page.goto(`/admin/outbox?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("table", { name: "Outbox" })).toContainText("invitation");
  await expect(page.getByRole("table", { name: "Outbox" }).getByText("sent", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the mail catcher" })).toHaveAttribute("href", process.env.MAIL_API!);
});
