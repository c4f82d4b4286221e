import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { referenceCampaign, withSql } from "../harness/db";
import { storage } from "../harness/sign-in";

test.use({ storageState: storage("paris") });

const root = path.resolve(import.meta.dirname, "../..");

/** Every page and route handler under a folder of app/, as a URL pattern ("/portal/[entity]/contacts"). */
function pagesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === "page.tsx" || name === "route.ts") out.push(`/${path.relative(path.join(root, "app"), dir)}`.replace(/\/\([^)]+\)/g, ""));
    }
  };
  walk(path.join(root, "app", folder));
  return out;
}

// Ids for the other dynamic segments: real rows of the other entity where one exists, so that the
// refusal comes from the tenant check and not from a missing row.
const ANY_ID = "00000000-0000-4000-8000-000000000000";

test("every portal page of another entity answers 404 and shows nothing of it", async ({ page }) => {
  const routes = pagesUnder("portal/[entity]");
  expect(routes.length).toBeGreaterThanOrEqual(2);
  // A package offered to Lyon only, with a document: it exists, so only the tenant check can refuse it.
  const campaignId = await referenceCampaign(`Lyon only ${Date.now()}`);
  const ids = await withSql(async (sql) => {
    const [pkg] = await sql`insert into packages (kind, label, internal_name, reference_campaign_id, status, limit_to_audience, start_at, available_at, end_at, registration_deadline)
      values ('collaborative', 'Lyon only offer', ${`lyon-only-${Date.now()}`}, ${campaignId}, 'published', true, now() - interval '1 day', now() - interval '1 day', now() + interval '30 days', now() + interval '10 days') returning id`;
    await sql`insert into package_audience (package_id, entity_id) select ${pkg!.id}, id from entities where internal_name = 'lyon-centre'`;
    const [doc] = await sql`insert into package_documents (package_id, file_name, content_type, size, data) values (${pkg!.id}, 'lyon.pdf', 'application/pdf', 4, ${Buffer.from("lyon")}) returning id`;
    // Lyon's order of it, with a document, and a campaign of Lyon's own.
    const [order] = await sql`insert into orders (package_id, entity_id, label) select ${pkg!.id}, id, 'Lyon only order' from entities where internal_name = 'lyon-centre' returning id`;
    const [orderDoc] = await sql`insert into order_documents (order_id, file_name, content_type, size, data) values (${order!.id}, 'lyon-order.pdf', 'application/pdf', 4, ${Buffer.from("lyon")}) returning id`;
    const [campaign] = await sql`insert into campaigns (label, internal_name, entity_id, parent_campaign_id) select 'Lyon only campaign', ${`lyon-only-c-${Date.now()}`}, id, ${campaignId} from entities where internal_name = 'lyon-centre' returning id`;
    const [workflow] = await sql`insert into workflows (campaign_id, label) values (${campaign!.id}, 'Main') returning id`;
    // A delivery of Lyon's campaign, and a target-approval task of Lyon's.
    const [delivery] = await sql`insert into deliveries (campaign_id, workflow_id, label, subject, body) values (${campaign!.id}, ${workflow!.id}, 'Lyon only email', 'Hi', 'Hello') returning id`;
    const [task] = await sql`insert into approval_tasks (workflow_id, activity_id, entity_id, deadline)
      select ${workflow!.id}, 'la', id, now() + interval '3 days' from entities where internal_name = 'lyon-centre' returning id`;
    return {
      packageId: pkg!.id as string,
      docId: doc!.id as string,
      orderId: order!.id as string,
      orderDocId: orderDoc!.id as string,
      campaignId: campaign!.id as string,
      deliveryId: delivery!.id as string,
      taskId: task!.id as string,
    };
  });
  for (const route of routes) {
    const url = route
      .replace("[entity]", "lyon-centre")
      .replace("[packageId]", ids.packageId)
      .replace(/\/orders\/\[id\]\/documents\/\[docId\]/, `/orders/${ids.orderId}/documents/${ids.orderDocId}`)
      .replace("/orders/[id]", `/orders/${ids.orderId}`)
      .replace("/campaigns/[id]", `/campaigns/${ids.campaignId}`)
      .replace("[deliveryId]", ids.deliveryId)
      .replace("[taskId]", ids.taskId)
      .replace("[docId]", ids.docId);
    expect(url, "a new dynamic segment needs a foreign id in this test").not.toMatch(/\[/);
    const res = await page.goto(url).catch(() => null);
    if (!res) {
      // A route handler that answers with a download would not render; fetch it instead.
      const direct = await page.request.get(url);
      expect(direct.status(), route).toBe(404);
      continue;
    }
    expect(res?.status(), route).toBe(404);
    const body = await page.content();
    expect(body).not.toContain("Lyon Centre");
    expect(body).not.toContain("lyon-centre.customers.demo");
    expect(body).not.toContain("Lyon only offer");
    expect(body).not.toContain("Lyon only order");
    expect(body).not.toContain("Lyon only campaign");
  }
  // Paris's own lists and catalog never show Lyon's orders, campaigns or offers.
  for (const own of ["/portal/paris-nord/orders", "/portal/paris-nord/campaigns", "/portal/paris-nord/catalog"]) {
    await page.goto(own);
    const body = await page.content();
    for (const foreign of ["Lyon only offer", "Lyon only order", "Lyon only campaign", "Spring newsletter – Lyon"]) expect(body, own).not.toContain(foreign);
  }
});

test("every admin page answers 404 to a local operator", async ({ page }) => {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  const [lyon] = await sql`select id from entities where internal_name = 'lyon-centre'`;
  await sql.end();
  for (const route of pagesUnder("admin")) {
    const url = route.replace("[id]", lyon!.id as string).replace("[docId]", ANY_ID);
    const res = await page.request.get(url);
    expect(res.status(), route).toBe(404);
    expect(await res.text()).not.toContain("Lyon Centre");
  }
});

test("a server action posted for another entity is refused and writes nothing", async ({ page }) => {
  const email = `forged.${Date.now()}@evil.test`;
  // Rewrite the action's body in flight, as an attacker with the browser's cookies would.
  await page.route("**/portal/paris-nord/contacts", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      await route.continue({ postData: (req.postData() ?? "").replaceAll("paris-nord", "lyon-centre") });
    } else {
      await route.continue();
    }
  });
  await page.goto("/portal/paris-nord/contacts");
  await page.getByRole("button", { name: "Add contact" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a contact" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Last name").fill("Forged");
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("This item does not exist or is not available to you.");
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  const rows = await sql`select entity_id from contacts where email = ${email}`;
  await sql.end();
  expect(rows).toHaveLength(0);
});

test("the contact list holds only the entity's own contacts, and adding one works", async ({ page }) => {
  await page.goto("/portal/paris-nord/contacts?q=lyon-centre.customers");
  await expect(page.getByText("No results")).toBeVisible();
  await page.goto("/portal/paris-nord/contacts?status=bounced");
  const table = page.getByRole("table", { name: "Contacts" });
  await expect(table.getByText("bounced", { exact: true }).first()).toBeVisible();
  await expect(table.getByText("active", { exact: true })).toHaveCount(0);

  const email = `new.${Date.now()}@paris-nord.customers.demo`;
  await page.getByRole("button", { name: "Add contact" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a contact" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Last name").fill("Zebra");
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(dialog).toBeHidden();
  await page.goto(`/portal/paris-nord/contacts?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("table", { name: "Contacts" })).toContainText("Zebra");
});
