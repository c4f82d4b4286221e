import { and, eq, like, sql } from "drizzle-orm";
import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, contacts, deliveries, deliveryFiles, deliveryMessages, notifications } from "../../db/schema";
import { sendNotification } from "../../jobs/tasks/send-notification";
import { startMailCatcher, type MailCatcher } from "../mail/catcher";
import { closeTransport } from "../mail/transport";
import { createLocalEntity, twoTenants, uniq } from "../testing/factories";
import { approveDeliveryFileDef, createProviderDef, finishProviderDeliveryDef } from "./actions";
import { extractionFileName, fileNamePart } from "./extraction";
import type { ProviderInput } from "./schemas";
import { runSupplierMgt } from "./supplier-mgt";

const db = () => getDb();
const helpers = { logger: { debug() {}, info() {}, warn() {}, error() {} } } as unknown as JobHelpers;
const today = () => new Date().toISOString().slice(0, 10);

const providerForm = (over: Partial<ProviderInput> = {}): ProviderInput => ({
  name: "Acme Print",
  contactEmails: `Print-${uniq("p")}@acme.test\nops-${uniq("o")}@acme.test`,
  exportColumns: [
    { header: "Email", field: "email" },
    { header: "First name", field: "firstName" },
    { header: "Last name", field: "lastName" },
    { header: "Store", field: "store" },
    { header: "Entity", field: "entity" },
  ],
  fileNamePattern: "{provider}_{delivery}_{date}.csv",
  notifySubject: "Spring file",
  notifyBody: "Please print and post.",
  finishOnSend: false,
  categories: [],
  ...over,
});

/** A direct-mail delivery in Pending extraction, with messages made directly, as deliveryMgt leaves it. */
async function seededDelivery(providerId: string) {
  const north = await createLocalEntity();
  const south = await createLocalEntity();
  const [campaign] = await db().insert(campaigns).values({ label: uniq("Spring"), internalName: uniq("spring"), status: "started" }).returning();
  const [delivery] = await db()
    .insert(deliveries)
    .values({ campaignId: campaign!.id, label: "Spring mailing – Région Sud", channel: "direct_mail", status: "pending_extraction", providerId, startedAt: new Date() })
    .returning();
  const people = await db()
    .insert(contacts)
    .values([
      { entityId: north.id, email: `zoe-${uniq("c")}@example.test`, firstName: "Zoé", lastName: "Martin", attributes: { store: 'Paris, "Left Bank"' } },
      { entityId: north.id, email: `bob-${uniq("c")}@example.test`, firstName: "=HYPERLINK(\"http://x\")", lastName: "Adams", attributes: { store: "-12" } },
      { entityId: south.id, email: `ann-${uniq("c")}@example.test`, firstName: "Ann", lastName: "Line\nBreak", attributes: {} },
      { entityId: south.id, email: `out-${uniq("c")}@example.test`, firstName: "Held", lastName: "Back", attributes: { store: "x" } },
    ])
    .returning();
  const [zoe, bob, ann, out] = people;
  await db()
    .insert(deliveryMessages)
    .values([
      ...[zoe!, bob!, ann!].map((c) => ({ deliveryId: delivery!.id, contactId: c.id, entityId: c.entityId, email: c.email })),
      { deliveryId: delivery!.id, contactId: out!.id, entityId: out!.entityId, email: out!.email, status: "excluded" as const, excludedReason: "unsubscribed" },
    ]);
  return { delivery: delivery!, north, south, zoe: zoe!, bob: bob!, ann: ann!, out: out! };
}

const run = (deliveryId: string) => db().transaction((tx) => runSupplierMgt(tx, { deliveryIds: [deliveryId] }));
const deliveryRow = async (id: string) => (await db().select().from(deliveries).where(eq(deliveries.id, id)))[0]!;
const fileRow = async (deliveryId: string) => (await db().select().from(deliveryFiles).where(eq(deliveryFiles.deliveryId, deliveryId)))[0];
const providerMails = (deliveryId: string) =>
  db().select().from(notifications).where(like(notifications.eventKey, `provider-file:${deliveryId}:%`)).orderBy(notifications.recipient);

describe("supplierMgt", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let catcher: MailCatcher;
  beforeAll(async () => {
    t = await twoTenants();
    catcher = await startMailCatcher();
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
  });
  afterAll(async () => {
    closeTransport();
    await catcher.stop();
  });

  it("extracts the file, waits for its approval, then sends it to the provider once however often it runs", async () => {
    const form = providerForm();
    const created = await createProviderDef.run(t.central, form);
    const providerId = (created as { data: { id: string } }).data.id;
    const s = await seededDelivery(providerId);
    const id = s.delivery.id;

    // 1. Pending extraction → File to approve, with the CSV of the queued messages only.
    expect(await run(id)).toMatchObject({ itemsHandled: 1, details: { extracted: 1, extractedRows: 3, filesSent: 0 } });
    expect(await deliveryRow(id)).toMatchObject({ status: "file_to_approve" });
    const [first, second] = [s.north, s.south].sort((a, b) => a.internalName.localeCompare(b.internalName));
    const lines = {
      [s.north.id]: [
        `${s.bob.email},"'=HYPERLINK(""http://x"")",Adams,'-12,${s.north.internalName}\r\n`,
        `${s.zoe.email},Zoé,Martin,"Paris, ""Left Bank""",${s.north.internalName}\r\n`,
      ],
      [s.south.id]: [`${s.ann.email},Ann,"Line\nBreak",,${s.south.internalName}\r\n`],
    };
    const file = (await fileRow(id))!;
    expect(file).toMatchObject({ fileName: `Acme-Print_Spring-mailing-Region-Sud_${today()}.csv`, rowCount: 3, approvedAt: null, sentAt: null });
    expect(file.data).toBe(["Email,First name,Last name,Store,Entity\r\n", ...lines[first!.id]!, ...lines[second!.id]!].join(""));

    // Nothing goes out before someone approves the file.
    expect(await run(id)).toMatchObject({ itemsHandled: 0, details: { extracted: 0, filesSent: 0 } });
    expect(await providerMails(id)).toEqual([]);

    // 2. Approve the file: recorded, and supplierMgt asked to run soon.
    expect(await approveDeliveryFileDef.run(t.opA, { deliveryId: id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await approveDeliveryFileDef.run(t.central, { deliveryId: id })).toEqual({ ok: true, data: { deliveryId: id, approved: true } });
    expect(await fileRow(id)).toMatchObject({ approvedById: t.central.userId, approvedAt: expect.any(Date) });
    const jobs = await db().execute(sql`select 1 from graphile_worker._private_jobs where key = 'technical:supplierMgt:command'`);
    expect(jobs.length).toBe(1);
    expect(await approveDeliveryFileDef.run(t.central, { deliveryId: id })).toMatchObject({ ok: false, code: "conflict", error: "The file is already approved: it goes to the provider shortly." });

    // 3. Sent: one email per provider contact with the file attached, the messages sent, Sent to provider.
    expect(await run(id)).toMatchObject({ itemsHandled: 1, details: { filesSent: 1, providerEmails: 2, messagesSent: 3, finished: 0 } });
    expect(await run(id)).toMatchObject({ itemsHandled: 0, details: { filesSent: 0, providerEmails: 0 } });
    const mails = await providerMails(id);
    expect(mails.map((m) => m.recipient)).toEqual(form.contactEmails.split("\n").map((e) => e.toLowerCase()).sort());
    expect(mails[0]).toMatchObject({ template: "provider_file", subject: "Spring file", payload: { deliveryFileId: file.id, fileName: file.fileName, rowCount: 3, providerName: "Acme Print" } });
    const d = await deliveryRow(id);
    expect(d).toMatchObject({ status: "sent_to_provider", finishedAt: null });
    expect(await fileRow(id)).toMatchObject({ sentAt: expect.any(Date) });
    const messages = await db().select().from(deliveryMessages).where(eq(deliveryMessages.deliveryId, id));
    expect(messages.filter((m) => m.status === "sent").map((m) => m.contactId).sort()).toEqual([s.zoe.id, s.bob.id, s.ann.id].sort());
    expect(messages.every((m) => (m.status === "sent") === (m.sentAt !== null))).toBe(true);
    expect(messages.find((m) => m.contactId === s.out.id)).toMatchObject({ status: "excluded" });

    // A retry of the step (its transaction lost after queuing) finds the emails already queued.
    await db().update(deliveryFiles).set({ sentAt: null }).where(eq(deliveryFiles.id, file.id));
    await db().update(deliveries).set({ status: "file_to_approve" }).where(eq(deliveries.id, id));
    expect(await run(id)).toMatchObject({ details: { filesSent: 1, providerEmails: 0 } });
    expect(await providerMails(id)).toHaveLength(2);

    // The email carries the file.
    await sendNotification({ notificationId: mails[0]!.id }, helpers);
    const received = catcher.messages().find((m) => m.to.includes(mails[0]!.recipient));
    expect(received).toMatchObject({ subject: "Spring file", attachments: [{ filename: file.fileName, size: Buffer.byteLength(file.data) }] });

    // 4. Mark finished, with the real cost the provider reports (exact, two decimals at most).
    expect(await finishProviderDeliveryDef.run(t.central, { deliveryId: id, realCost: "12.345" })).toMatchObject({
      ok: false,
      fieldErrors: { realCost: "Enter an amount like 1250.40: digits, a dot, at most 2 decimals." },
    });
    expect(await finishProviderDeliveryDef.run(t.opA, { deliveryId: id, realCost: "1" })).toMatchObject({ ok: false, code: "not_found" });
    expect((await deliveryRow(id)).status).toBe("sent_to_provider");
    expect(await finishProviderDeliveryDef.run(t.central, { deliveryId: id, realCost: "1250.4" })).toEqual({ ok: true, data: { deliveryId: id, status: "finished", realCost: "1250.40" } });
    const finished = await deliveryRow(id);
    expect(finished).toMatchObject({ status: "finished", realCost: "1250.40", finishedAt: expect.any(Date) });
    // Later, a corrected invoice: the cost changes, the finish date does not.
    expect(await finishProviderDeliveryDef.run(t.central, { deliveryId: id, realCost: "" })).toMatchObject({ ok: false, fieldErrors: { realCost: "Enter the real cost the provider reported." } });
    expect(await finishProviderDeliveryDef.run(t.central, { deliveryId: id, realCost: "1300" })).toMatchObject({ ok: true, data: { realCost: "1300.00" } });
    expect(await deliveryRow(id)).toMatchObject({ realCost: "1300.00", finishedAt: finished.finishedAt });
  });

  it("goes straight to Finished when the provider's post-processing says so", async () => {
    const created = await createProviderDef.run(t.central, providerForm({ finishOnSend: true, exportColumns: [] }));
    const s = await seededDelivery((created as { data: { id: string } }).data.id);
    const id = s.delivery.id;
    await run(id);
    // Without an export template the file has the default columns.
    expect((await fileRow(id))!.data.split("\r\n")[0]).toBe("email,firstName,lastName,entity");
    expect(await finishProviderDeliveryDef.run(t.central, { deliveryId: id, realCost: "" })).toMatchObject({ ok: false, code: "conflict" });
    await approveDeliveryFileDef.run(t.central, { deliveryId: id });
    expect(await run(id)).toMatchObject({ details: { filesSent: 1, finished: 1 } });
    expect(await deliveryRow(id)).toMatchObject({ status: "finished", finishedAt: expect.any(Date), realCost: null });
    expect(await db().select().from(deliveryMessages).where(and(eq(deliveryMessages.deliveryId, id), eq(deliveryMessages.status, "queued")))).toEqual([]);
  });

  it("refuses to approve before there is a file, and leaves deliveries without a provider where they are", async () => {
    const [campaign] = await db().insert(campaigns).values({ label: uniq("No provider"), internalName: uniq("np") }).returning();
    const [d] = await db().insert(deliveries).values({ campaignId: campaign!.id, label: "Letters", channel: "direct_mail", status: "pending_extraction" }).returning();
    expect(await approveDeliveryFileDef.run(t.central, { deliveryId: d!.id })).toMatchObject({ ok: false, code: "conflict", error: "The file can only be approved while the delivery is File to approve." });
    expect(await run(d!.id)).toEqual({ itemsHandled: 0, details: expect.objectContaining({ extracted: 0, noProvider: 1 }) });
    expect(await deliveryRow(d!.id)).toMatchObject({ status: "pending_extraction" });
    await db().update(deliveries).set({ status: "file_to_approve" }).where(eq(deliveries.id, d!.id));
    expect(await approveDeliveryFileDef.run(t.central, { deliveryId: d!.id })).toMatchObject({ ok: false, code: "conflict", error: "There is no extraction file to approve yet." });
    // An email delivery is not a direct-mail one.
    const [email] = await db().insert(deliveries).values({ campaignId: campaign!.id, label: "Email", status: "in_progress" }).returning();
    expect(await approveDeliveryFileDef.run(t.central, { deliveryId: email!.id })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("extraction file names", () => {
  it("fills the pattern with safe parts", () => {
    const date = new Date("2030-03-04T23:30:00Z");
    expect(extractionFileName("{provider}-{delivery}-{date}.csv", { provider: "Acme / Print", delivery: "Été: 50% off!", date })).toBe("Acme-Print-Ete-50-off-2030-03-04.csv");
    expect(extractionFileName("{delivery}", { provider: "P", delivery: "../../etc/passwd", date })).toBe("etc-passwd.csv");
    expect(fileNamePart("***")).toBe("file");
  });
});
