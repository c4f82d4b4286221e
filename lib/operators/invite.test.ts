import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { entityMemberships, notifications, users } from "../../db/schema";
import { acceptInvitationDef } from "../auth/actions";
import { verifyPassword } from "../auth/password";
import { actorFor, createLocalEntity, createUser, uniq } from "../testing/factories";
import { inviteOperatorDef } from "./actions";

async function tokenFromOutbox(email: string): Promise<string> {
  const row = await getDb().query.notifications.findFirst({ where: eq(notifications.recipient, email) });
  const url = String((row!.payload as { url: string }).url);
  return url.split("/links/")[1]!;
}

describe("invitations", () => {
  it("queues one email and its job in the invitation's transaction, then creates the account once", async () => {
    const admin = await actorFor((await createUser({ role: "central", isAdmin: true })).id);
    const entity = await createLocalEntity();
    const email = `${uniq("invitee")}@test.local`;
    const res = await inviteOperatorDef.run(admin, { email: email.toUpperCase(), name: "Ivy", role: "local", isAdmin: false, entityIds: [entity.id] });
    expect(res.ok).toBe(true);
    const db = getDb();
    const queued = await db.select().from(notifications).where(eq(notifications.recipient, email));
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ template: "invitation", status: "queued" });
    const jobs = await db.execute(sql`select count(*)::int as n from graphile_worker.jobs where key = ${`notification:${queued[0]!.id}`}`);
    expect([...jobs][0]).toMatchObject({ n: 1 });

    const token = await tokenFromOutbox(email);
    const accepted = await acceptInvitationDef.run(null, { token, name: "Ivy Green", password: "a-long-password", confirm: "a-long-password" });
    expect(accepted).toMatchObject({ ok: true, data: { email } });
    const user = await db.query.users.findFirst({ where: eq(users.email, email) });
    expect(user).toMatchObject({ role: "local", name: "Ivy Green", isAdmin: false });
    expect(await verifyPassword("a-long-password", user!.passwordHash)).toBe(true);
    expect(await db.select().from(entityMemberships).where(eq(entityMemberships.userId, user!.id))).toEqual([
      expect.objectContaining({ entityId: entity.id }),
    ]);
    const again = await acceptInvitationDef.run(null, { token, name: "Ivy", password: "a-long-password", confirm: "a-long-password" });
    expect(again).toMatchObject({ ok: false, code: "link_invalid" });
  });

  it("refuses an email that already has an account, and a local invite without entity", async () => {
    const admin = await actorFor((await createUser({ role: "central", isAdmin: true })).id);
    const existing = await createUser({ role: "local" });
    expect(await inviteOperatorDef.run(admin, { email: existing.email, name: "X", role: "central", isAdmin: false, entityIds: [] })).toMatchObject({
      ok: false,
      fieldErrors: { email: "Someone with this email already has an account." },
    });
    expect(await inviteOperatorDef.run(admin, { email: "n@test.local", name: "X", role: "local", isAdmin: false, entityIds: [] })).toMatchObject({
      ok: false,
      fieldErrors: { entityIds: "Choose at least one entity for a local operator." },
    });
  });

  it("keeps the password rules on the server too", async () => {
    const res = await acceptInvitationDef.run(null, { token: "x".repeat(43), name: "A", password: "short", confirm: "short" });
    expect(res).toMatchObject({ ok: false, fieldErrors: { password: "Use at least 10 characters." } });
  });
});

describe("invitation links", () => {
  it("a new invitation replaces the pending one for the same address", async () => {
    const admin = await actorFor((await createUser({ role: "central", isAdmin: true })).id);
    const email = `${uniq("twice")}@test.local`;
    await inviteOperatorDef.run(admin, { email, name: "First", role: "central", isAdmin: true, entityIds: [] });
    const first = await tokenFromOutbox(email);
    const db = getDb();
    await db.delete(notifications).where(eq(notifications.recipient, email));
    await inviteOperatorDef.run(admin, { email, name: "Second", role: "central", isAdmin: false, entityIds: [] });
    const second = await tokenFromOutbox(email);
    const input = { name: "X", password: "a-long-password", confirm: "a-long-password" };
    expect(await acceptInvitationDef.run(null, { ...input, token: first })).toMatchObject({ ok: false, code: "link_invalid" });
    expect(await acceptInvitationDef.run(null, { ...input, token: second })).toMatchObject({ ok: true });
    expect(await db.query.users.findFirst({ where: eq(users.email, email) })).toMatchObject({ isAdmin: false });
  });
});
