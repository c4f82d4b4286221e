import { expect, test } from "@playwright/test";
import { withSql } from "../harness/db";
import { waitForEmail } from "../harness/mail";
import { storage } from "../harness/sign-in";

test.use({ storageState: storage("admin") });

test("an email the worker gave up on shows its error in the outbox, and Retry sends it", async ({ page }) => {
  const email = `gave.up.${Date.now()}@lyon-centre.demo`;
  // As graphile-worker leaves it after its last attempt: the row failed, no job left to try it.
  await withSql(
    (sql) => sql`insert into notifications (event_key, recipient, template, subject, payload, status, attempts, last_error)
      values (${`e2e-gave-up:${email}`}, ${email}, 'sign_in_link', 'Your sign-in link for Distributed Marketing',
        ${sql.json({ name: "Lina", url: "http://localhost/links/e2e-not-a-token", expiresMinutes: 15 })}, 'failed', 8, 'connect ECONNREFUSED 10.0.0.25:25')`,
  );
  await page.goto(`/admin/outbox?status=failed&q=${encodeURIComponent(email)}`);
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("connect ECONNREFUSED 10.0.0.25:25");
  await expect(row).toContainText("Gave up after 8 attempts.");
  await page.screenshot({ path: ".test-results/screenshots/outbox-gave-up.png", fullPage: true });

  await row.getByRole("button", { name: `Retry the email to ${email}` }).click();
  const message = await waitForEmail(email, "Your sign-in link");
  expect(message.text).toContain("Lina");
  await page.goto(`/admin/outbox?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("sent");
  await expect(page.getByRole("row").filter({ hasText: email })).not.toContainText("Gave up");
});
