import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { storage } from "../harness/sign-in";

test.use({ storageState: storage("central") });

test("create a local entity with its operators and groups, then find and edit it", async ({ page }) => {
  const slug = `lille-${Date.now()}`;
  await page.goto("/admin/entities/new");
  await page.getByLabel("Label").fill("Lille Gare");
  await page.getByLabel("Internal name").fill("Lille Gare!");
  await page.getByRole("button", { name: "Create entity" }).click();
  await expect(page.getByText("Use lower-case letters, digits and single hyphens, like paris-north.")).toBeVisible();

  await page.getByLabel("Internal name").fill(slug);
  await page.getByLabel("Email").fill("lille@network.demo");
  await page.getByRole("group", { name: "Operators of this entity" }).getByRole("checkbox", { name: /Bastien Paris/ }).check();
  await page.getByRole("group", { name: "Order reviewers group" }).getByRole("checkbox", { name: /Bastien Paris/ }).check();
  await page.getByRole("button", { name: "Create entity" }).click();
  await expect(page).toHaveURL(/\/admin\/entities$/);

  await page.getByRole("searchbox", { name: "Search" }).fill(slug);
  await expect(page).toHaveURL(new RegExp(`q=${slug}`));
  const table = page.getByRole("table", { name: "Local entities" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("link", { name: "Lille Gare" }).click();
  await expect(page.getByRole("group", { name: "Order reviewers group" }).getByRole("checkbox", { name: /Bastien Paris/ })).toBeChecked();
  await page.getByLabel("Label").fill("Lille Europe");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/admin\/entities$/);
  await expect(page.getByRole("link", { name: "Lille Europe" })).toBeVisible();
});

test("a server-side refusal lands on its field and keeps what was typed", async ({ page }) => {
  await page.goto("/admin/entities/new");
  await page.getByLabel("Label").fill("Another Paris");
  await page.getByLabel("Internal name").fill("paris-nord");
  await page.getByLabel("Address").fill("12 rue des Lilas");
  await page.getByRole("button", { name: "Create entity" }).click();
  await expect(page.getByText("Another entity already uses this internal name.")).toBeVisible();
  await expect(page.getByLabel("Address")).toHaveValue("12 rue des Lilas");
});

test("CSV import shows problems on their lines, imports nothing until fixed, then pages the list", async ({ page }, info) => {
  const stamp = Date.now();
  const rows = Array.from({ length: 12 }, (_, i) => `Zone ${stamp} ${i},zone-${stamp}-${i},z${i}@network.demo,,,`);
  const bad = info.outputPath("bad.csv");
  writeFileSync(bad, ["label,internal_name,email,phone,address,parent", ...rows.slice(0, 2), `Broken,Bad Name,not-an-email,,,`].join("\n"));
  await page.goto("/admin/entities/import");
  await page.getByLabel("CSV file").setInputFiles(bad);
  const preview = page.getByRole("table", { name: "Import preview" });
  await expect(preview.locator("tr[data-line='4']")).toContainText("Use lower-case letters");
  await expect(preview.locator("tr[data-line='4']")).toContainText("Enter a valid email address");
  await expect(page.getByRole("button", { name: /Import 3 entities/ })).toBeDisabled();

  const good = info.outputPath("good.csv");
  writeFileSync(good, ["label,internal_name,email,phone,address,parent", ...rows.map((r, i) => (i > 0 ? r.replace(/,$/, `zone-${stamp}-0`) : r))].join("\n"));
  await page.getByLabel("CSV file").setInputFiles(good);
  await page.getByRole("button", { name: "Import 12 entities" }).click();
  await expect(page.getByRole("status")).toHaveText("12 entities imported.");

  await page.goto(`/admin/entities?q=zone-${stamp}&size=10&sort=internalName.desc`);
  await expect(page.getByText("1–10 of 12")).toBeVisible();
  await expect(page.getByRole("table", { name: "Local entities" }).getByRole("row").nth(1)).toContainText(`zone-${stamp}-9`);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText("11–12 of 12")).toBeVisible();
  await expect(page.getByRole("table", { name: "Local entities" })).toContainText(`Zone ${stamp} 0`);
});
