import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { actionTokens } from "@/db/schema";

export type TokenPurpose = (typeof actionTokens.$inferSelect)["purpose"];

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  sign_in: 15 * 60 * 1000,
  invitation: 7 * 24 * 60 * 60 * 1000,
  // A reviewer may answer after the approval deadline (the package is then "Late"), not forever.
  package_review: 30 * 24 * 60 * 60 * 1000,
  // An offer link opens the package in the portal; it stays usable while the offer can matter.
  package_offer: 60 * 24 * 60 * 60 * 1000,
  // Order links (§4, §5): an order is answered within days; the entity's links live as long as an offer.
  order_review: 30 * 24 * 60 * 60 * 1000,
  order_parameters: 30 * 24 * 60 * 60 * 1000,
  subscription_reject: 60 * 24 * 60 * 60 * 1000,
  order_change: 60 * 24 * 60 * 60 * 1000,
  // Approval links (§6, §7) outlive their deadline a little: a late answer gets a clear page.
  target_approval: 30 * 24 * 60 * 60 * 1000,
  delivery_review: 30 * 24 * 60 * 60 * 1000,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a one-time token; only its hash is stored. Returns the raw token for the email link. */
export async function createActionToken(
  db: DbOrTx,
  params: { purpose: TokenPurpose; email: string; userId?: string | null; entityId?: string | null; subjectId?: string | null; now?: Date },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const now = params.now ?? new Date();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS[params.purpose]);
  const [row] = await db
    .insert(actionTokens)
    .values({
      tokenHash: hashToken(token),
      purpose: params.purpose,
      email: params.email,
      userId: params.userId ?? null,
      entityId: params.entityId ?? null,
      subjectId: params.subjectId ?? null,
      expiresAt,
    })
    .returning({ id: actionTokens.id });
  return { id: row!.id, token, expiresAt };
}

export type TokenState =
  | { state: "valid"; token: typeof actionTokens.$inferSelect }
  | { state: "used" | "expired" | "unknown" };

/** Reads a token without using it: a link page must not spend the token on a mere GET. */
export async function inspectActionToken(db: DbOrTx, token: string, purpose?: TokenPurpose): Promise<TokenState> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: "unknown" };
  const row = await db.query.actionTokens.findFirst({ where: eq(actionTokens.tokenHash, hashToken(token)) });
  if (!row || (purpose && row.purpose !== purpose)) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  return { state: "valid", token: row };
}

/** Spends a token atomically: of two concurrent uses, exactly one gets the row back. */
export async function consumeActionToken(db: DbOrTx, token: string, purpose: TokenPurpose) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .update(actionTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(actionTokens.tokenHash, hashToken(token)),
        eq(actionTokens.purpose, purpose),
        isNull(actionTokens.usedAt),
        gt(actionTokens.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Many tokens in one insert, for fan-outs (a publication emails every audience member).
 * Returns the raw tokens in the order of `items`.
 */
export async function createActionTokens(
  db: DbOrTx,
  purpose: TokenPurpose,
  // userId null: a link for the entity's group as a whole (any of its operators may open it).
  // entityId null: a link for a central person (a delivery reviewer), which names no entity.
  items: { email: string; userId: string | null; entityId: string | null; subjectId: string }[],
): Promise<string[]> {
  const expiresAt = new Date(Date.now() + TOKEN_TTL_MS[purpose]);
  const tokens = items.map(() => randomBytes(32).toString("base64url"));
  for (let i = 0; i < items.length; i += 1000) {
    await db.insert(actionTokens).values(
      items.slice(i, i + 1000).map((it, j) => ({ ...it, purpose, tokenHash: hashToken(tokens[i + j]!), expiresAt })),
    );
  }
  return tokens;
}
