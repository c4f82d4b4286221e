import { expect, test } from "@playwright/test";
import { withSql } from "../harness/db";
import { inbox, waitForEmail } from "../harness/mail";
import { storage } from "../harness/sign-in";

test.use({ storageState: storage("central") });

// The demo's figures are worked out in db/seed.test.ts; here they travel to the screens, and a
// change made on a screen comes back through the worker's budgetMgt and stockMgt.

test("the budget dashboard charts each budget and program, and a provisional cost changed on a campaign's Budget tab reaches it", async ({ page }) => {
  await page.goto("/admin/budgets");
  const byBudget = page.getByRole("figure", { name: "Budget dashboard" });
  const byProgram = page.getByRole("figure", { name: "Per program" });
  const network = byBudget.getByRole("img", { name: /^Network campaigns: allocated/ });
  await expect(network).toHaveAccessibleName("Network campaigns: allocated €40,000.00; Planned €5,500.00, Reserved €1,080.00, Committed €1,230.00, Spent €812.40; remaining €31,377.60.");
  await expect(byBudget.getByRole("img", { name: /^Marketing 2027: allocated €120,000.00; Planned €23,500.00/ })).toBeVisible();
  // Per program: the figures of its campaigns, against its own budget's Allocated.
  await expect(byProgram.getByRole("img", { name: /^Brand awareness: allocated €30,000.00; Planned €18,000.00/ })).toBeVisible();
  await expect(byProgram.getByRole("img", { name: /^Network campaigns: allocated €40,000.00; Planned €5,500.00/ })).toBeVisible();
  const table = page.getByRole("table", { name: "Budgets" });
  await expect(table.getByRole("row", { name: /Network campaigns/ })).toContainText("€960.00");

  // Regional promotion is Defined at Planned with 3,000 provisional: 4,000 puts 1,000 more in Planned.
  const [regional] = await withSql((sql) => sql<{ id: string }[]>`select id from campaigns where internal_name = 'regional-promotion'`);
  await page.goto(`/admin/campaigns/${regional!.id}/budget`);
  const settings = page.getByRole("form", { name: "Budget settings" });
  await settings.getByLabel("Estimated provisional cost (EUR)").fill("4000");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByText("Saved.")).toBeVisible();

  await expect(async () => {
    await page.goto("/admin/budgets");
    await expect(byBudget.getByRole("img", { name: /^Network campaigns: allocated/ })).toHaveAccessibleName(/Planned €6,500\.00/, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(byBudget.getByRole("img", { name: /^Marketing 2027: allocated/ })).toHaveAccessibleName(/Planned €24,500\.00/);
  await expect(byProgram.getByRole("img", { name: /^Network campaigns: allocated/ })).toHaveAccessibleName(/Planned €6,500\.00/);

  // The expense lines leave as CSV, amounts exact.
  const res = await page.request.get("/admin/budgets/export");
  expect(res.status()).toBe(200);
  const csv = await res.text();
  expect(csv).toContain("Budget,Campaign,Program,Line kind,Label,Budget category,Amount,Real amount,Currency,Updated at");
  expect(csv).toMatch(/Network campaigns,Autumn loyalty mailing,Network campaigns,Manual,Gift sourcing,,850\.00,812\.40,EUR,/);
});

test("the stock dashboard shows a line below its alert level, its manager got one email, and a stock order delivered today clears it", async ({ page }) => {
  await page.goto("/admin/stock");
  await expect(page.getByRole("heading", { name: "Stock levels against alert thresholds" })).toBeVisible();
  const levels = page.getByRole("list", { name: "Stock levels" });
  const gift = levels.getByRole("listitem").filter({ hasText: "Loyalty gift cards" });
  await expect(gift).toContainText("150 in stock · alert level 200");
  await expect(gift.getByText("Alert", { exact: true })).toBeVisible();
  await expect(levels.getByRole("listitem").filter({ hasText: "Autumn leaflets" })).toContainText("3,000 in stock · alert level 500 · 1,500 on order");
  await expect(page.getByText("1 of 3 lines is at or below the alert level.")).toBeVisible();

  const alert = await waitForEmail("operator@central.demo", "[Stock alert] Loyalty gift cards: 150 left");
  expect(alert.text).toMatch(/\/admin\/stock\/[0-9a-f-]{36}/);

  await gift.getByRole("link", { name: "Loyalty gift cards" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Loyalty gift cards" })).toBeVisible();
  await page.getByLabel("Volume").fill("500");
  await page.getByLabel("Delivery date").fill(new Date().toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Add stock order" }).click();

  await expect(async () => {
    await page.goto("/admin/stock");
    await expect(page.getByRole("list", { name: "Stock levels" }).getByRole("listitem").filter({ hasText: "Loyalty gift cards" })).toContainText("650 in stock", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("list", { name: "Stock levels" }).getByRole("listitem").filter({ hasText: "Loyalty gift cards" }).getByText("OK", { exact: true })).toBeVisible();
  await expect(page.getByText("All 3 lines are above their alert level.")).toBeVisible();
  // Once per crossing: the runs since sent nothing more.
  expect((await inbox()).filter((m) => m.subject.startsWith("[Stock alert] Loyalty gift cards"))).toHaveLength(1);
});
