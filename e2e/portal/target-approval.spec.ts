import { expect, test } from "@playwright/test";
import { passApprovalDeadline, targetApprovalCampaignStarting } from "../harness/execution";
import { inbox, linkIn, waitForEmail } from "../harness/mail";
import { DEMO_PASSWORD, demo, signIn, storage } from "../harness/sign-in";

test("a by-target-approval campaign across two entities: one unchecks contacts, the other never answers, and exactly the approved contacts are emailed", async ({ browser }) => {
  test.setTimeout(150_000);
  const label = `Gift mailing ${Date.now()}`;
  const run = await targetApprovalCampaignStarting(label);

  // 1. The workflow targets and splits, then each entity is asked to approve its contacts.
  const ask = await waitForEmail(demo.paris, `[Target approval] ${label}`, 60_000);
  await waitForEmail(demo.lyon, `[Target approval] ${label}`, 10_000);
  expect(ask.text).toContain("6 of your contacts");

  // 2. Paris Nord's operator follows the link, signs in and lands on the contact list.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(linkIn(ask));
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(demo.paris);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/paris-nord\/approvals\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: `Target approval: ${label}` })).toBeVisible();
  await expect(page.getByTestId("checked-count")).toHaveText("6");

  // Two contacts are unchecked; each box is saved as it is clicked.
  await page.getByLabel(`Keep ${run.paris[0]}`).uncheck();
  await expect(page.getByTestId("checked-count")).toHaveText("5");
  await page.getByLabel(`Keep ${run.paris[1]}`).uncheck();
  await expect(page.getByTestId("checked-count")).toHaveText("4");
  await page.getByLabel("Comment").fill("Pauline and Pierre were contacted last week.");
  await page.getByRole("button", { name: "Approve targeting" }).click();
  await expect(page.getByText("Approved", { exact: true })).toBeVisible();
  await expect(page.getByLabel(`Keep ${run.paris[2]}`)).toBeDisabled();

  // 3. Lyon Centre never answers; its deadline passes and it keeps its pre-checked contacts.
  await passApprovalDeadline(run.workflowId, "lyon-centre");

  // 4. The emails that reach the SMTP server are exactly the approved contacts minus the typology
  // exclusions: Paris Nord's Paul, Perrine and Pascal (Prune unsubscribed), Lyon Centre's Louise,
  // Luc and Lea (Loic bounced).
  const expected = [...run.paris.slice(2, 5), ...run.lyon.slice(0, 3)].sort();
  const deadline = Date.now() + 60_000;
  let received: string[] = [];
  while (Date.now() < deadline) {
    received = (await inbox()).filter((m) => m.subject.startsWith(`${label}:`)).flatMap((m) => m.to).sort();
    if (received.length >= expected.length) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 1500));
  received = (await inbox()).filter((m) => m.subject.startsWith(`${label}:`)).flatMap((m) => m.to).sort();
  expect(received).toEqual(expected);

  // 5. The central delivery report shows the same counts, in total and per entity.
  const central = await browser.newContext({ storageState: storage("central") });
  const admin = await central.newPage();
  await admin.goto(`/admin/campaigns/${run.campaignId}/deliveries/${run.deliveryId}`);
  const total = (label: string) => admin.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(total("Targeted")).toHaveText("8");
  await expect(total("Excluded")).toContainText("2");
  await expect(total("Sent")).toHaveText("6");
  await expect(admin.getByRole("row", { name: /Paris Nord/ }).getByRole("cell").first()).toHaveText("4");
  await admin.screenshot({ path: "test-results/target-approval-report.png", fullPage: true });
  await central.close();

  // 6. Lyon Centre's feedback report, from its portal, counts its own contacts only.
  const lyon = await browser.newContext();
  const lyonPage = await lyon.newPage();
  await signIn(lyonPage, demo.lyon);
  await lyonPage.goto(`/portal/lyon-centre/campaigns/${run.campaignId}/deliveries/${run.deliveryId}`);
  await expect(lyonPage.getByRole("heading", { name: "Delivery feedback report" })).toBeVisible();
  await expect(lyonPage.locator("dt", { hasText: /^Sent$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("3");
  await lyon.close();

  // The approval page links Paris Nord to its own feedback report.
  await page.reload();
  await page.getByRole("link", { name: "Delivery feedback report: Gift email" }).click();
  await expect(page.locator("dt", { hasText: /^Sent$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("3");
  await context.close();
});
