import { expect, test } from "@playwright/test";
import { storage } from "../harness/sign-in";

test.use({ storageState: storage("admin") });

test("an administrator runs operationMgt now, sees the run in its history, and stops then starts it", async ({ page, browser }) => {
  await page.goto("/admin/technical-workflows");
  await expect(page.getByRole("heading", { name: /Campaign jobs/ })).toBeVisible();
  // All five are built: each has its Run now.
  await expect(page.getByText("Not built yet")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Run .* now$/ })).toHaveCount(5);

  await page.getByRole("button", { name: "Run Campaign jobs now" }).click();
  await expect(page.getByText("Queued: the run appears below when the worker has done it.")).toBeVisible();
  const history = page.getByRole("table", { name: "Run history of operationMgt" });
  await expect(async () => {
    await page.reload();
    await expect(history.getByRole("row").filter({ hasText: "Run now" }).filter({ hasText: "Succeeded" })).not.toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // Several workflows are built: Stop and Start act on operationMgt's own card.
  const card = page.getByRole("region", { name: /Campaign jobs/ });
  await card.getByRole("button", { name: "Stop" }).click();
  await expect(card.getByText("None: stopped")).toBeVisible();
  await card.getByRole("button", { name: "Start" }).click();
  await expect(card.getByText("None: stopped")).toHaveCount(0);

  // A central operator who is not an administrator finds nothing there.
  const central = await browser.newContext({ storageState: storage("central") });
  const res = await (await central.newPage()).goto("/admin/technical-workflows");
  expect(res?.status()).toBe(404);
  await central.close();
});
