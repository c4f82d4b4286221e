import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { withSql } from "../harness/db";
import { storage } from "../harness/sign-in";

test.use({ storageState: storage("paris") });

test("a CSV import shows the bad line, imports the rest, and the contact is listed, exported and can be unsubscribed", async ({ page }) => {
  const stamp = Date.now();
  const email = `imported.${stamp}@paris-nord.customers.demo`;
  const lastName = `Imported${stamp}`;
  const csv = ["email,firstName,lastName,status,city", `${email},Inès,${lastName},,Paris`, "not-an-email,Bad,Line,,Paris", ""].join("\r\n");

  await page.goto("/portal/paris-nord/contacts");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page).toHaveURL(/\/portal\/paris-nord\/contacts\/import$/);
  await expect(page.getByRole("heading", { name: "Import contacts" })).toBeVisible();

  // 1. The file is read in the browser: the preview and the bad line, before anything is sent.
  await page.getByLabel("CSV file").setInputFiles({ name: "contacts.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await expect(page.getByText("1 valid", { exact: true })).toBeVisible();
  await expect(page.getByText("1 with problems", { exact: true })).toBeVisible();
  const problems = page.getByRole("table", { name: "Rows with problems" });
  await expect(problems.getByRole("row")).toHaveCount(2); // header + line 3
  await expect(problems.getByRole("row").nth(1)).toContainText("Line 3");
  await expect(problems.getByRole("row").nth(1)).toContainText("Enter a valid email address, like name@example.com.");
  await expect(page.getByRole("table", { name: "Preview" })).toContainText(email);
  expect(await withSql((sql) => sql`select 1 from contacts where email = ${email}`)).toHaveLength(0);

  // 2. Import: the progress bar fills, then the summary.
  await page.getByRole("button", { name: "Import 1 contact", exact: true }).click();
  await expect(page.getByText("Import finished: 1 created, 0 updated, 1 line(s) with problems skipped.")).toBeVisible();
  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(progress).toHaveAttribute("aria-valuenow", "1");
  await expect(progress).toHaveAttribute("aria-valuemax", "1");

  // 3. The new contact is in the entity's list.
  await page.getByRole("link", { name: "See the contacts" }).click();
  await page.goto(`/portal/paris-nord/contacts?q=${encodeURIComponent(email)}`);
  const table = page.getByRole("table", { name: "Contacts" });
  await expect(table).toContainText(lastName);
  await expect(table).toContainText("Paris");

  // 4. The export contains it, and nothing of another entity.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^contacts-paris-nord-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  const [header, ...lines] = text.replace(/^\uFEFF/, "").split("\r\n");
  expect(header).toMatch(/^email,firstName,lastName,status,/);
  const line = lines.find((l) => l.startsWith(`${email},`));
  expect(line, "the imported contact is exported").toBeDefined();
  // No value of this line needs quoting, so a plain split reads it.
  const exported = Object.fromEntries(header!.split(",").map((name, i) => [name, line!.split(",")[i]]));
  expect(exported).toMatchObject({ email, firstName: "Inès", lastName, status: "active", city: "Paris" });
  expect(text).not.toContain("lyon-centre.customers.demo");

  // 5. The operator marks it unsubscribed.
  await table.getByRole("button", { name: `Mark unsubscribed: ${email}` }).click();
  await expect(table.getByText("unsubscribed", { exact: true })).toBeVisible();
  const [row] = await withSql((sql) => sql`select status from contacts where email = ${email}`);
  expect(row?.status).toBe("unsubscribed");
});
