import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendNotification } from "../../jobs/tasks/send-notification";
import { getDb } from "../../db";
import { notifications, packages } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { startMailCatcher, type MailCatcher } from "../mail/catcher";
import { closeTransport } from "../mail/transport";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { createPackageFor, createReferenceCampaign, notificationMember, packageInput } from "../testing/package-factories";
import { addPackageDocumentDef, removePackageDocumentDef, reviewPackageDef, submitPackageDef } from "./actions";
import { listPackageDocuments } from "./documents";
import { publishPackage } from "./publish";

const file = (name: string, bytes: number) => new File([new Uint8Array(bytes).fill(65)], name, { type: "application/pdf" });
const helpers = { logger: { debug() {}, info() {}, warn() {}, error() {} } } as never;

describe("package documents", () => {
  let central: Actor;
  let catcher: MailCatcher;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
    catcher = await startMailCatcher();
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
  });
  afterAll(async () => {
    closeTransport();
    await catcher.stop();
  });

  it("stores uploads in the database, refuses empty and oversized files, and removes on request", async () => {
    const { campaign } = await createReferenceCampaign();
    const id = await createPackageFor(central, packageInput(campaign.id));
    expect(await addPackageDocumentDef.run(central, { packageId: id, file: file("empty.pdf", 0) })).toMatchObject({ ok: false, fieldErrors: { file: "The file is empty." } });
    expect(await addPackageDocumentDef.run(central, { packageId: id, file: file("huge.pdf", 10 * 1024 * 1024 + 1) })).toMatchObject({ ok: false, fieldErrors: { file: "Keep each document under 10 MB." } });
    expect(await addPackageDocumentDef.run(central, { packageId: id, file: "not a file" })).toMatchObject({ ok: false, fieldErrors: { file: "Choose a file." } });
    const res = await addPackageDocumentDef.run(central, { packageId: id, file: file("brief.pdf", 2048) });
    expect(res).toMatchObject({ ok: true });
    expect(await listPackageDocuments(getDb(), id)).toEqual([expect.objectContaining({ fileName: "brief.pdf", size: 2048 })]);
    const docId = (res as { data: { id: string } }).data.id;
    expect(await removePackageDocumentDef.run(central, { packageId: id, documentId: docId })).toMatchObject({ ok: true });
    expect(await listPackageDocuments(getDb(), id)).toEqual([]);
  });

  it("freezes documents once submitted, and sends them with the publication email", async () => {
    const { campaign } = await createReferenceCampaign();
    const entity = await createLocalEntity();
    const member = await notificationMember(entity.id);
    const id = await createPackageFor(central, packageInput(campaign.id, { audience: [entity.id] }));
    await addPackageDocumentDef.run(central, { packageId: id, file: file("visuals.pdf", 4096) });
    await submitPackageDef.run(central, { packageId: id });
    expect(await addPackageDocumentDef.run(central, { packageId: id, file: file("late.pdf", 10) })).toMatchObject({ ok: false, code: "conflict" });

    await reviewPackageDef.run(central, { packageId: id, decision: "accept" });
    const { revision } = (await getDb().query.packages.findFirst({ where: eq(packages.id, id) }))!;
    await getDb().transaction((tx) => publishPackage(tx, { packageId: id, revision }));
    const [mail] = await getDb().select().from(notifications).where(eq(notifications.recipient, member.email));
    await sendNotification({ notificationId: mail!.id }, helpers);
    const received = catcher.messages().find((m) => m.to.includes(member.email))!;
    expect(received.subject).toContain("[Campaign subscription]");
    expect(received.attachments).toEqual([{ filename: "visuals.pdf", size: 4096 }]);
  });
});
