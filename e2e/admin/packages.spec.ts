import { expect, test, type Page } from "@playwright/test";
import { referenceCampaign, withSql } from "../harness/db";
import { inbox, linkIn, waitForEmail } from "../harness/mail";
import { demo, storage } from "../harness/sign-in";

test.use({ storageState: storage("admin") });

const past = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString().slice(0, 16);

async function createCollaborativePackage(page: Page, label: string) {
  const campaign = `${label} reference`;
  await referenceCampaign(campaign);
  await page.goto("/admin/packages/new?kind=collaborative");
  await page.getByLabel("Label", { exact: true }).fill(label);
  await page.getByLabel("Internal name").fill(label.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
  await page.getByLabel("Reference campaign").selectOption({ label: campaign });
  await page.getByLabel("Start", { exact: true }).fill(past(2));
  await page.getByLabel("Availability of the campaign").fill(past(1));
  const audience = page.getByRole("group", { name: "Participating local entities" });
  await audience.getByRole("checkbox", { name: /Paris Nord/ }).check();
  await audience.getByRole("checkbox", { name: /Lyon Centre/ }).check();
  await page.getByRole("group", { name: "Reviewers" }).getByRole("checkbox", { name: /Olivier Operator/ }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/admin\/packages\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

test("a collaborative by-form package: create, submit, accept from the emailed link, published", async ({ page, browser }) => {
  const label = `Autumn offers ${Date.now()}`;
  await page.goto("/admin/packages/new?kind=collaborative");
  await page.getByLabel("Registration deadline").fill("2020-01-01T00:00");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Must not be before Availability.")).toBeVisible();

  const id = await createCollaborativePackage(page, label);
  await expect(page.getByText("Being edited").first()).toBeVisible();
  await page.getByLabel("Attach a document").setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 brief") });
  const docLink = page.getByRole("link", { name: /brief\.pdf/ });
  await expect(docLink).toBeVisible();
  const download = await page.request.get((await docLink.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect(await download.text()).toBe("%PDF-1.4 brief");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByText("Pending approval").first()).toBeVisible();

  const mail = await waitForEmail(demo.central, `[Campaign package approval] ${label}`);
  const reviewer = await browser.newContext({ storageState: storage("central") });
  const review = await reviewer.newPage();
  await review.goto(linkIn(mail));
  await expect(review.getByText(label)).toBeVisible();
  await review.getByRole("button", { name: "Accept" }).click();
  await expect(review).toHaveURL(new RegExp(`/admin/packages/${id}\\?tab=audit`));
  await expect(review.getByRole("table", { name: "Approvals and publications journal" })).toContainText("Approved");
  await reviewer.close();

  // Availability is already past: the publication job runs at once.
  await expect(async () => {
    await page.goto(`/admin/packages/${id}?tab=audit`);
    await expect(page.getByRole("table", { name: "Approvals and publications journal" })).toContainText("Published", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const subscription = await waitForEmail(demo.paris, `[Campaign subscription] ${label}`);
  expect(subscription.attachments.map((a) => a.filename)).toEqual(["brief.pdf"]);

  // The Paris operator follows the link made for them, to the package in their catalog.
  const paris = await browser.newContext({ storageState: storage("paris") });
  const portal = await paris.newPage();
  await portal.goto(linkIn(subscription));
  await expect(portal).toHaveURL(new RegExp(`/portal/paris-nord/catalog/${id}$`));
  await expect(portal.getByRole("heading", { name: label })).toBeVisible();
  const doc = await portal.request.get((await portal.getByRole("link", { name: /brief\.pdf/ }).getAttribute("href"))!);
  expect(await doc.text()).toBe("%PDF-1.4 brief");
  // The same link, in another operator's hands, opens nothing.
  const other = await browser.newContext({ storageState: storage("regional") });
  const stranger = await other.newPage();
  await stranger.goto(linkIn(subscription));
  await expect(stranger.getByText("This link was made for another person.")).toBeVisible();
  await paris.close();
  await other.close();
});

test("cancel with a comment: orders canceled, one email per entity, then reinitialize", async ({ page }) => {
  const label = `Winter promo ${Date.now()}`;
  const id = await createCollaborativePackage(page, label);
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await page.getByRole("button", { name: "Approve the package" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Published").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await withSql((sql) => sql`insert into orders (package_id, entity_id, label, status)
    select ${id}, id, 'Order', 'ordered' from entities where internal_name in ('paris-nord', 'lyon-centre')`);

  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel the package" });
  await dialog.getByRole("button", { name: "Cancel the package" }).click();
  await expect(dialog.getByText("Enter a comment")).toBeVisible();
  await dialog.getByLabel("Comment").fill("The supplier withdrew the offer.");
  await dialog.getByRole("button", { name: "Cancel the package" }).click();
  await expect(page.getByText(/Cancellation completed: 2 order\(s\) canceled, 2 entities notified/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("table", { name: "Orders of the package" })).not.toContainText("Ordered (pending approval)");

  await expect(async () => {
    const mails = (await inbox()).filter((m) => m.subject === `[Cancellation of package] ${label}`);
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.text.includes("The supplier withdrew the offer."))).toBe(true);
  }).toPass({ timeout: 20_000 });
  // A Paris operator follows the cancellation email's link: the package is no longer offered.
  const cancellation = (await inbox()).find((m) => m.subject === `[Cancellation of package] ${label}` && m.to.includes(demo.paris))!;
  const paris = await page.context().browser()!.newContext({ storageState: storage("paris") });
  const parisPage = await paris.newPage();
  await parisPage.goto(linkIn(cancellation));
  await expect(parisPage.getByRole("heading", { name: "This package is no longer offered" })).toBeVisible();
  await paris.close();

  await page.getByRole("button", { name: "Reinitialize the package to reuse it" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Being edited").first()).toBeVisible();
});
