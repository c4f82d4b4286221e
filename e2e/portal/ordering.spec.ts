import { expect, test, type Page } from "@playwright/test";
import { approvedPackageAboutToPublish } from "../harness/db";
import { labelledLink, linkIn, waitForEmail } from "../harness/mail";
import { DEMO_PASSWORD, demo, signIn, storage } from "../harness/sign-in";

const reviewer = "bastien@paris-nord.demo"; // Paris Nord's order reviewers group in the demo data

/** The sign-in form reached by following a link while signed out; it lands back on the link. */
async function signInFromLink(page: Page, email: string) {
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test("from the emailed link to an Available child campaign: register, personalize, accepted from the reviewer's email", async ({ browser }) => {
  test.setTimeout(120_000);
  const label = `Summer promotion ${Date.now()}`;
  await approvedPackageAboutToPublish(label);

  // 1. The worker publishes the package and emails Paris Nord's notification group.
  const invite = await waitForEmail(demo.paris, `[Campaign subscription] ${label}`, 30_000);
  const link = linkIn(invite);

  // The link, in another operator's hands, opens nothing.
  const other = await browser.newContext({ storageState: storage("regional") });
  const stranger = await other.newPage();
  await stranger.goto(link);
  await expect(stranger.getByText("This link was made for another person.")).toBeVisible();
  await other.close();

  // 2. Signed out, the operator signs in first and lands on the package in the catalog.
  const operator = await browser.newContext();
  const page = await operator.newPage();
  await page.goto(link);
  await signInFromLink(page, demo.paris);
  await expect(page).toHaveURL(/\/portal\/paris-nord\/catalog\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: label })).toBeVisible();

  // 3. Order with personalization fields.
  await page.getByRole("link", { name: "Register for the campaign" }).click();
  await page.getByLabel("Order label *").fill(`${label} – Paris Nord`);
  await page.getByLabel("Comment").fill("First wave, please.");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Discount rate (%)")).toHaveValue("10");
  await page.getByRole("button", { name: "Validate" }).click();
  await expect(page.getByText("Enter Store name.")).toBeVisible();
  await page.getByLabel("Discount rate (%)").fill("ten");
  await page.getByLabel("Store name *").fill("Paris Nord Gare");
  await page.getByLabel("Tone *").selectOption("Warm");
  await page.getByRole("button", { name: "Validate" }).click();
  await expect(page.getByText("Enter a number, like 12 or 12.5.")).toBeVisible();
  await page.getByLabel("Discount rate (%)").fill("15");

  await page.getByRole("button", { name: "Evaluate target" }).click();
  await expect(page.getByText("Would reach", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Paris Nord Gare: 15% off")).toBeVisible();

  await page.getByRole("button", { name: "Validate" }).click();
  await expect(page).toHaveURL(/\/portal\/paris-nord\/orders\/[0-9a-f-]{36}$/);
  const orderUrl = page.url();
  await expect(page.getByText("Ordered (pending approval)").first()).toBeVisible();
  await expect(page.getByText("Paris Nord Gare")).toBeVisible();
  // Until it is approved, the entity changes its order.
  await page.getByRole("link", { name: "Change the order parameters" }).click();
  await page.getByLabel("Store name *").fill("Paris Nord Gare du Nord");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(orderUrl);
  await expect(page.getByText("Paris Nord Gare du Nord")).toBeVisible();

  // 4. The order reviewer accepts from their email, signing in on the way.
  const approval = await waitForEmail(reviewer, `[Approval of order] ${label} – Paris Nord`, 30_000);
  expect(approval.text).toContain("Store name: Paris Nord Gare");
  const reviewerContext = await browser.newContext();
  const review = await reviewerContext.newPage();
  await review.goto(linkIn(approval));
  await signInFromLink(review, reviewer);
  await expect(review.getByText("Paris Nord Gare du Nord")).toBeVisible();
  await review.getByRole("button", { name: "Accept" }).click();
  await expect(review.getByText(/accepted|approved/i).first()).toBeVisible();
  // The link is spent: opened again, it says so and changes nothing.
  await review.goto(linkIn(approval));
  await expect(review.getByText("This link has already been used.")).toBeVisible();
  await reviewerContext.close();

  // 5. Approved past the availability date: the order becomes Available with its child campaign.
  await waitForEmail(demo.paris, /^The campaign .* is available$/, 30_000);
  await expect(async () => {
    await page.goto(orderUrl);
    await expect(page.getByText("Available").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: "Open the campaign" }).click();
  await expect(page).toHaveURL(/\/portal\/paris-nord\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: `${label} reference – Paris Nord` })).toBeVisible();
  await page.goto("/portal/paris-nord/campaigns");
  await expect(page.getByRole("link", { name: `${label} reference – Paris Nord` })).toBeVisible();
  await operator.close();
});

test("a tampered link shows a clear page", async ({ page }) => {
  await page.goto(`/links/${"A".repeat(43)}`);
  await expect(page.getByText("This link is not valid.")).toBeVisible();
});

test("automatic mode: subscribed at publication, parameters changed and the subscription rejected from the email links", async ({ browser }) => {
  const label = `Autumn mailing ${Date.now()}`;
  await approvedPackageAboutToPublish(label, "automatic");
  const mail = await waitForEmail(demo.paris, `You have been subscribed to the campaign ${label}`, 30_000);
  const context = await browser.newContext({ storageState: storage("paris") });
  const page = await context.newPage();

  await page.goto(labelledLink(mail, "Change the order parameters"));
  await expect(page).toHaveURL(/\/portal\/paris-nord\/orders\/[0-9a-f-]{36}\/edit$/);
  const editUrl = page.url();
  // Published at its availability date, the subscription is Available at once, with its child campaign…
  await expect(async () => {
    await page.goto(editUrl.replace(/\/edit$/, ""));
    await expect(page.getByText("Available").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  // …and still the entity's to change, without approval, until the registration deadline.
  await page.goto(editUrl);
  await page.getByLabel("Store name *").fill("Paris Nord Opéra");
  await page.getByLabel("Tone *").selectOption("Formal");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(editUrl.replace(/\/edit$/, ""));
  await expect(page.getByText("Paris Nord Opéra")).toBeVisible();
  await expect(page.getByText("Available").first()).toBeVisible();

  await page.goto(labelledLink(mail, "Reject the subscription"));
  await page.getByRole("button", { name: "Reject the subscription" }).click();
  await expect(page.getByText("The subscription is rejected: the order is canceled.")).toBeVisible();
  await page.getByRole("link", { name: "Open the order" }).click();
  await expect(page.getByText("Canceled").first()).toBeVisible();
  await context.close();
});

test("a central operator rejects an order from the screen; the entity is emailed the comment", async ({ browser }) => {
  const label = `Winter sale ${Date.now()}`;
  await approvedPackageAboutToPublish(label);
  const invite = await waitForEmail(demo.paris, `[Campaign subscription] ${label}`, 30_000);
  const paris = await browser.newContext({ storageState: storage("paris") });
  const page = await paris.newPage();
  await page.goto(linkIn(invite));
  await page.getByRole("link", { name: "Register for the campaign" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Store name *").fill("Paris Nord Bastille");
  await page.getByLabel("Tone *").selectOption("Warm");
  await page.getByRole("button", { name: "Validate" }).click();
  await expect(page).toHaveURL(/\/portal\/paris-nord\/orders\/[0-9a-f-]{36}$/);
  const orderId = page.url().split("/").pop()!;

  const central = await browser.newContext({ storageState: storage("central") });
  const admin = await central.newPage();
  await admin.goto(`/admin/orders/${orderId}`);
  await admin.getByRole("button", { name: "Reject" }).click();
  await expect(admin.getByText("Say why: the entity receives this comment.")).toBeVisible();
  await admin.getByLabel("Comment (required to reject)").fill("The discount is above the regional limit.");
  await admin.getByRole("button", { name: "Reject" }).click();
  await expect(admin.getByText("Rejected").first()).toBeVisible();
  const rejected = await waitForEmail(demo.paris, `was rejected`, 30_000);
  expect(rejected.text).toContain("The discount is above the regional limit.");
  await page.reload();
  await expect(page.getByText("The discount is above the regional limit.").first()).toBeVisible();
  await central.close();
  await paris.close();
});

test("an entity narrows its own campaign's targeting and typology rules, evaluates its target, and starts it", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "elodie@marseille-port.demo");
  await page.goto("/portal/marseille-port/campaigns");
  await page.getByRole("link", { name: "Store opening – Marseille Port" }).click();
  await page.getByRole("button", { name: "Add condition" }).click();
  await page.getByLabel("Field of condition 1").fill("store");
  await page.getByLabel("Comparison of condition 1").selectOption("equals");
  await page.getByLabel("Value of condition 1").fill("marseille-port-1");
  await page.getByLabel("Control group (%)").fill("10");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Your changes are saved.")).toBeVisible();
  await page.getByRole("button", { name: "Evaluate target" }).click();
  // The demo's Marseille contacts: 100 in store 1, of which 3 unsubscribed and 1 bounced; 10 % of 96 held back.
  const evaluation = page.getByRole("definition").filter({ hasText: /^\d+$/ });
  await expect(page.getByLabel("Target evaluation")).toContainText("Would reach");
  await expect(evaluation.last()).toHaveText("87");
  await page.reload();
  await expect(page.getByLabel("Value of condition 1")).toHaveValue("marseille-port-1");

  // Start is a command: pending first, then carried out by operationMgt, which counts the Query's population.
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByText("Start pending: the campaign jobs workflow carries it out within a minute.")).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("list", { name: "Workflow activities" }).getByText(/Query “Targeting”: Done; 100 contacts after it/)).toBeAttached({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await context.close();
});

test("the portal home shows what waits: orders to approve for a reviewer, packages to register for", async ({ browser }) => {
  const reviewerContext = await browser.newContext();
  const home = await reviewerContext.newPage();
  await signIn(home, reviewer);
  // Another spec may have made this person an operator of a second entity: open Paris Nord's home.
  await home.goto("/portal/paris-nord");
  await home.getByRole("link", { name: /wait(s)? for your approval/ }).click();
  await expect(home).toHaveURL(/\/portal\/paris-nord\/orders\?status=ordered$/);
  await expect(home.getByRole("link", { name: "Spring newsletter – Paris Nord" })).toBeVisible();
  await reviewerContext.close();

  // Marseille has not registered for the demo's Spring newsletter yet.
  const marseilleContext = await browser.newContext();
  const marseille = await marseilleContext.newPage();
  await signIn(marseille, "elodie@marseille-port.demo");
  await marseille.goto("/portal/marseille-port");
  await expect(marseille.getByText("Register before the deadline:")).toBeVisible();
  await marseille.getByRole("link", { name: "Spring newsletter" }).click();
  await expect(marseille.getByRole("link", { name: "Register for the campaign" })).toBeVisible();
  await marseilleContext.close();
});
