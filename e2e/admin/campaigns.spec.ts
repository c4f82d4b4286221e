import { expect, test } from "@playwright/test";
import { storage } from "../harness/sign-in";

test.use({ storageState: storage("central") });

test("a collaborative template with a personalization field, then a reference campaign built on it", async ({ page }) => {
  const stamp = Date.now();
  const template = `Flyer ${stamp}`;
  await page.goto("/admin/campaigns/templates/new");
  await page.getByLabel("Label", { exact: true }).first().fill(template);
  await page.getByLabel("Internal name").fill(`flyer-${stamp}`);
  await page.getByLabel("Distribution level").selectOption("collaborative");
  await page.getByLabel("Collaborative type").selectOption("by_form");
  await page.getByLabel("Web interface type").selectOption("by_form");
  await page.getByRole("button", { name: "Add field" }).click();
  const field = page.getByRole("listitem", { name: "Field 1" });
  await field.getByLabel("Name").fill("storeCity");
  await field.getByLabel("Label").fill("Store city");
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns\/templates$/);
  await expect(page.getByRole("link", { name: template })).toBeVisible();

  // The same internal name again: refused by the server, on its field, with the typing kept.
  await page.goto("/admin/campaigns/templates/new");
  await page.getByLabel("Label", { exact: true }).first().fill("Copy");
  await page.getByLabel("Internal name").fill(`flyer-${stamp}`);
  await page.getByLabel("Distribution level").selectOption("local");
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page.getByText(/already uses this internal name/)).toBeVisible();
  await expect(page.getByLabel("Label", { exact: true }).first()).toHaveValue("Copy");

  await page.goto("/admin/campaigns/new");
  await page.getByLabel("Label", { exact: true }).fill(`Flyer campaign ${stamp}`);
  await page.getByLabel("Internal name").fill(`flyer-campaign-${stamp}`);
  await page.getByLabel("Program").selectOption({ index: 1 });
  await page.getByLabel("Template").selectOption({ label: template });
  // Exact: the workflow drawing's End activity is also labelled "End".
  await page.getByLabel("Start", { exact: true }).fill("2030-03-01");
  await page.getByLabel("End", { exact: true }).fill("2030-03-31");
  // The starter workflow (Targeting → Email → End) in the graph editor: rename its delivery.
  await page.getByRole("button", { name: "Delivery “Email”" }).click();
  await page.getByLabel("Activity label").fill("Flyer email");
  await expect(page.getByRole("button", { name: "Delivery “Flyer email”" })).toBeVisible();
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns$/);
  await page.getByRole("link", { name: `Flyer campaign ${stamp}` }).click();
  // Run the workflow: the read-only graph, summarised for screen readers, with its list of activities.
  await expect(page.getByRole("img", { name: /^Workflow: 3 activities, 0 done, 0 waiting, 3 not run/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Workflow activities" }).getByText("Delivery “Flyer email”: Not run; leads to End “End”.")).toBeAttached();
});
