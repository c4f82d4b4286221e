import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { actionTokens, users } from "@/db/schema";
import { appUrl } from "@/lib/links/urls";
import { createActionToken, TOKEN_TTL_MS } from "@/lib/links/tokens";
import { queueNotification } from "@/lib/notifications/queue";

const MAX_LIVE_LINKS = 3;

/**
 * Emails a one-time sign-in link if the address belongs to an active account. The caller always
 * answers the same way, so that the form cannot be used to learn who has an account.
 */
export async function requestSignInLink(tx: Tx, email: string): Promise<void> {
  const user = await tx.query.users.findFirst({ where: eq(users.email, email) });
  if (!user || user.disabledAt) return;
  // A cap on live links keeps the form from being used to flood someone's inbox.
  const [live] = await tx
    .select({ n: count() })
    .from(actionTokens)
    .where(and(eq(actionTokens.userId, user.id), eq(actionTokens.purpose, "sign_in"), isNull(actionTokens.usedAt), gt(actionTokens.expiresAt, sql`now()`)));
  if ((live?.n ?? 0) >= MAX_LIVE_LINKS) return;
  const { id, token } = await createActionToken(tx, { purpose: "sign_in", email, userId: user.id });
  await queueNotification(tx, {
    eventKey: `sign_in:${id}`,
    recipient: email,
    template: "sign_in_link",
    payload: { name: user.name, url: appUrl(`/links/${token}`), expiresMinutes: TOKEN_TTL_MS.sign_in / 60_000 },
  });
}
