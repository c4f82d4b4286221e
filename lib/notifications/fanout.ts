import { createHmac, randomBytes } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { TOKEN_TTL_MS, type TokenPurpose } from "../links/tokens";
import { appUrl } from "../links/urls";
import { sendJobsSql } from "./queue";
import { renderEmail, type EmailTemplate, type TemplatePayload } from "./templates";

/**
 * The relation a fan-out reads its recipients from, one row per email, with these columns:
 * - `event_key` text, `recipient` text, `entity_id` uuid: as in the outbox;
 * - `fields` jsonb: the payload fields that differ per email (entityLabel, a URL without a token…);
 * - `link_email` text, `link_user_id` uuid, `link_entity_id` uuid, `link_subject_id` uuid: whom
 *   the email's links are made for; `link_email` null means this email carries no link.
 */
export type FanoutRecipients = SQL;

export type FanoutLink<K extends string> = { key: K; purpose: TokenPurpose };

export type Fanout<T extends EmailTemplate, K extends keyof TemplatePayload<T> & string> = {
  template: T;
  /** What every email of the fan-out says alike. */
  common: Omit<TemplatePayload<T>, K>;
  /** The payload fields each recipient row supplies (`fields`) or that are links: never in the subject. */
  perRecipient: readonly K[];
  /** Links made for each email's person (`link_*` columns), each an action token of its own. */
  links: FanoutLink<K>[];
  recipients: FanoutRecipients;
};

/**
 * The subject is stored with the row (the outbox lists and searches it), so it must not depend on
 * what differs per recipient: rendered twice with different stand-ins, it must come out the same.
 */
export function fanoutSubject<T extends EmailTemplate>(template: T, common: object, perRecipient: readonly string[]): string {
  const withStandIn = (s: string) => ({ ...common, ...Object.fromEntries(perRecipient.map((k) => [k, `${s}${k}`])) }) as TemplatePayload<T>;
  const a = renderEmail(template, withStandIn("\u0001")).subject;
  if (a !== renderEmail(template, withStandIn("\u0002")).subject) throw new Error(`the subject of ${template} depends on a per-recipient field`);
  return a;
}

/**
 * HMAC-SHA256 as SQL over a key made for one fan-out: the token of each link is
 * base64url(HMAC(key, "<event_key>#<link key>")). The key is 32 bytes from Node's CSPRNG, used for
 * one statement and never stored, so the tokens are as unguessable as randomBytes(32) ones, and
 * they cost two sha256 calls each in the database (gen_random_uuid() costs more, and carries
 * fewer random bits). `k` is the relation with the key's inner and outer pads (RFC 2104).
 */
function padsOf(key: Buffer) {
  const pad = (byte: number) => Buffer.from(Buffer.alloc(64).map((_, i) => (key[i] ?? 0) ^ byte)).toString("hex");
  return { ipad: pad(0x36), opad: pad(0x5c) };
}
const tokenSql = (message: SQL) => sql`translate(encode(sha256(k.opad || sha256(k.ipad || convert_to(${message}, 'UTF8'))), 'base64'), '+/=', '-_')`;

/** What queueFanout's token SQL computes, in Node: the tests hold the two to each other. */
export function fanoutToken(key: Buffer, eventKey: string, linkKey: string): string {
  return createHmac("sha256", key).update(`${eventKey}#${linkKey}`).digest("base64url");
}

/**
 * Queues one email per recipient row in one statement, in the caller's transaction: the outbox
 * rows, the action tokens of their links (only the tokens' hashes are stored, as createActionTokens
 * does), and one send job per SEND_BATCH emails. Recipients never leave the database. An event
 * already queued is skipped with its links. Per-recipient fields are rendered at send time from
 * the payload, as for every email. Returns how many emails were queued.
 */
export async function queueFanout<T extends EmailTemplate, K extends keyof TemplatePayload<T> & string>(db: DbOrTx, f: Fanout<T, K>, opts: { key?: Buffer } = {}): Promise<number> {
  const subject = fanoutSubject(f.template, f.common, f.perRecipient);
  // opts.key: tests only, to check the SQL against Node's HMAC.
  const { ipad, opad } = padsOf(opts.key ?? randomBytes(32));
  const linkBase = appUrl("/links/");
  // Each link's token, computed once per row (r is materialized), in the order of f.links.
  const tokens = f.links.length
    ? sql`case when x.link_email is null then null else array[${sql.join(
        f.links.map((l) => tokenSql(sql`x.event_key || ${`#${l.key}`}::text`)),
        sql`, `,
      )}] end`
    : sql`null::text[]`;
  const urls = f.links.length
    ? sql`case when r.tokens is null then '{}'::jsonb else jsonb_build_object(${sql.join(
        f.links.map((l, i) => sql`${l.key}::text, ${linkBase}::text || r.tokens[${sql.raw(String(i + 1))}]`),
        sql`, `,
      )}) end`
    : sql`'{}'::jsonb`;
  const now = Date.now();
  const list = (items: SQL[]) => sql.join(items, sql`, `);
  const insertTokens = f.links.length
    ? sql`, tok as (
        insert into action_tokens (token_hash, purpose, email, user_id, entity_id, subject_id, expires_at)
        select encode(sha256(convert_to(l.token, 'UTF8')), 'hex'), l.purpose, r.link_email, r.link_user_id, r.link_entity_id, r.link_subject_id, l.expires_at
        from ins join r on r.event_key = ins.event_key
        cross join lateral unnest(r.tokens,
          array[${list(f.links.map((l) => sql`${l.purpose}::token_purpose`))}],
          array[${list(f.links.map((l) => sql`${new Date(now + TOKEN_TTL_MS[l.purpose]).toISOString()}::timestamptz`))}]) as l(token, purpose, expires_at)
        where r.tokens is not null
        returning 1)`
    : sql``;
  const [row] = await db.execute<{ queued: number }>(sql`
    with k as (select decode(${ipad}, 'hex') as ipad, decode(${opad}, 'hex') as opad),
    r as materialized (select x.*, ${tokens} as tokens from (${f.recipients}) x cross join k),
    ins as (
      insert into notifications (event_key, recipient, template, subject, payload, entity_id)
      select r.event_key, r.recipient, ${f.template}, ${subject}, ${JSON.stringify(f.common)}::jsonb || r.fields || ${urls}, r.entity_id
      from r
      on conflict (event_key) do nothing
      returning id, event_key)
    ${insertTokens}
    select (select count(*) from ins)::int as queued, (select count(*) from ${sendJobsSql(sql`ins`)})::int as jobs`);
  return row?.queued ?? 0;
}
