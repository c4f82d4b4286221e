import { randomBytes } from "node:crypto";
import { like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { actionTokens, notifications } from "../../db/schema";
import { hashToken, inspectActionToken, TOKEN_TTL_MS } from "../links/tokens";
import { appUrl } from "../links/urls";
import { createLocalEntity, createUser, uniq } from "../testing/factories";
import { fanoutSubject, fanoutToken, queueFanout } from "./fanout";
import { SEND_BATCH } from "./queue";
import { renderEmail } from "./templates";

const db = () => getDb();

/** `n` recipients made up in SQL: no entity, no link. */
const madeUp = (prefix: string, n: number) => sql`
  select ${prefix}::text || i as event_key, 'r' || i || '@test.local' as recipient, null::uuid as entity_id,
    jsonb_build_object('entityLabel', 'Entity ' || i, 'url', 'http://portal.test/portal/e' || i) as fields,
    null::text as link_email, null::uuid as link_user_id, null::uuid as link_entity_id, null::uuid as link_subject_id
  from generate_series(1, ${n}) i`;

const catalog = { packageLabel: "Spring <sale>", description: "Posters.", message: "Order soon.", attachmentIds: [] as string[] };

describe("queueFanout", () => {
  it("queues one email per row with the shared and per-recipient fields, and one send job per batch", async () => {
    const prefix = `${uniq("fan")}:`;
    const n = SEND_BATCH + 7;
    const queued = await db().transaction((tx) =>
      queueFanout(tx, { template: "new_catalog_entry", common: catalog, perRecipient: ["entityLabel", "url"], links: [], recipients: madeUp(prefix, n) }),
    );
    expect(queued).toBe(n);
    const rows = await db().select().from(notifications).where(like(notifications.eventKey, `${prefix}%`));
    expect(rows).toHaveLength(n);
    const third = rows.find((r) => r.eventKey === `${prefix}3`)!;
    expect(third).toMatchObject({ recipient: "r3@test.local", template: "new_catalog_entry", status: "queued", subject: "[New catalog entry] Spring <sale>" });
    expect(third.payload).toEqual({ ...catalog, entityLabel: "Entity 3", url: "http://portal.test/portal/e3" });
    // What the sender will render is what the template makes of that payload.
    expect(renderEmail("new_catalog_entry", third.payload as never).html).toContain("Spring &lt;sale&gt;");

    const jobs = await db().execute<{ key: string; ids: string[]; max_attempts: number }>(sql`
      select j.key, j.payload -> 'notificationIds' as ids, j.max_attempts
      from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'send_notification' and j.payload::jsonb -> 'notificationIds' ?| ${sql.raw(`array[${rows.map((r) => `'${r.id}'`).join(",")}]`)}`);
    expect([...jobs].map((j) => j.ids.length).sort((a, b) => a - b)).toEqual([7, SEND_BATCH]);
    expect(new Set([...jobs].flatMap((j) => j.ids))).toEqual(new Set(rows.map((r) => r.id)));
    for (const j of jobs) expect(j).toMatchObject({ key: `notification:${j.ids[0]}`, max_attempts: 8 });
  });

  it("queues nothing, and no job, when no row comes", async () => {
    // One snapshot for the whole transaction: other test files' jobs cannot change the counts.
    const counts = await db().transaction(
      async (tx) => {
        const jobs = async () => (await tx.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker._private_jobs`))[0]!.n;
        const before = await jobs();
        const queued = await queueFanout(tx, { template: "new_catalog_entry", common: catalog, perRecipient: ["entityLabel", "url"], links: [{ key: "url", purpose: "package_offer" }], recipients: madeUp("none:", 0) });
        return { queued, added: (await jobs()) - before };
      },
      { isolationLevel: "repeatable read" },
    );
    expect(counts).toEqual({ queued: 0, added: 0 });
  });

  it("skips events already queued, with their links", async () => {
    const entity = await createLocalEntity();
    const user = await createUser({ role: "local", entityIds: [entity.id] });
    const prefix = `${uniq("again")}:`;
    const recipients = sql`
      select ${prefix}::text || 'one' as event_key, ${user.email}::text as recipient, ${entity.id}::uuid as entity_id, jsonb_build_object('entityLabel', 'E') as fields,
        ${user.email}::text as link_email, ${user.id}::uuid as link_user_id, ${entity.id}::uuid as link_entity_id, ${entity.id}::uuid as link_subject_id`;
    const queue = () =>
      db().transaction((tx) =>
        queueFanout(tx, { template: "new_catalog_entry", common: catalog, perRecipient: ["entityLabel", "url"], links: [{ key: "url", purpose: "package_offer" }], recipients }),
      );
    expect(await queue()).toBe(1);
    expect(await queue()).toBe(0);
    expect(await db().select().from(notifications).where(like(notifications.eventKey, `${prefix}%`))).toHaveLength(1);
    expect(await db().select().from(actionTokens).where(sql`${actionTokens.userId} = ${user.id}`)).toHaveLength(1);
  });

  it("makes each link a token of its own: an HMAC under a key used once, whose hash is stored for the person", async () => {
    const entity = await createLocalEntity();
    const user = await createUser({ role: "local", entityIds: [entity.id] });
    const prefix = `${uniq("links")}:`;
    const key = randomBytes(32);
    const before = Date.now();
    await db().transaction((tx) =>
      queueFanout(
        tx,
        {
          template: "campaign_subscribed",
          common: { packageLabel: "P", message: "M", attachmentIds: [] },
          perRecipient: ["entityLabel", "url", "rejectUrl", "changeUrl"],
          links: [
            { key: "rejectUrl", purpose: "subscription_reject" },
            { key: "changeUrl", purpose: "order_change" },
          ],
          recipients: sql`
            select ${prefix}::text || 'member' as event_key, ${user.email}::text as recipient, ${entity.id}::uuid as entity_id,
              jsonb_build_object('entityLabel', 'E', 'url', 'http://portal.test/o') as fields,
              ${user.email}::text as link_email, ${user.id}::uuid as link_user_id, ${entity.id}::uuid as link_entity_id, ${entity.id}::uuid as link_subject_id
            union all
            select ${prefix}::text || 'address', 'shop@test.local', ${entity.id}, jsonb_build_object('entityLabel', 'E', 'url', 'http://portal.test/o'), null, null, null, null`,
        },
        { key },
      ),
    );
    const rows = await db().select().from(notifications).where(like(notifications.eventKey, `${prefix}%`));
    const member = rows.find((r) => r.eventKey.endsWith("member"))!.payload as Record<string, string>;
    const address = rows.find((r) => r.eventKey.endsWith("address"))!.payload as Record<string, string>;
    expect(address).toEqual({ packageLabel: "P", message: "M", attachmentIds: [], entityLabel: "E", url: "http://portal.test/o" });
    for (const [link, purpose] of [["rejectUrl", "subscription_reject"], ["changeUrl", "order_change"]] as const) {
      const token = member[link]!.split("/links/")[1]!;
      expect(member[link]).toBe(appUrl(`/links/${token}`));
      // The SQL is HMAC-SHA256, base64url, as Node computes it: 43 characters, 256 bits.
      expect(token).toBe(fanoutToken(key, `${prefix}member`, link));
      const state = await inspectActionToken(db(), token, purpose);
      expect(state.state).toBe("valid");
      if (state.state !== "valid") continue;
      expect(state.token).toMatchObject({ tokenHash: hashToken(token), email: user.email, userId: user.id, entityId: entity.id, subjectId: entity.id, usedAt: null });
      expect(Math.abs(state.token.expiresAt.getTime() - before - TOKEN_TTL_MS[purpose])).toBeLessThan(60_000);
    }
    expect(member.rejectUrl).not.toBe(member.changeUrl);
  });

  it("gives different links under different keys, so no link can be derived from another fan-out", async () => {
    const a = fanoutToken(randomBytes(32), "package:x:r1:catalog:e:a@test.local", "url");
    const b = fanoutToken(randomBytes(32), "package:x:r1:catalog:e:a@test.local", "url");
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it("refuses a subject that would differ per recipient", () => {
    expect(() => fanoutSubject("package_canceled", { canceledOn: "1 Jan", comment: "" }, ["packageLabel", "entityLabel", "url"])).toThrow(/depends on a per-recipient field/);
    expect(fanoutSubject("package_canceled", { packageLabel: "P", canceledOn: "1 Jan", comment: "" }, ["entityLabel", "url"])).toBe("[Cancellation of package] P");
  });
});
