import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { appUrl } from "@/lib/links/urls";
import { createActionToken, TOKEN_TTL_MS } from "@/lib/links/tokens";
import { queueNotification } from "@/lib/notifications/queue";

/**
 * Emails a one-time sign-in link if the address belongs to an active account. The caller always
 * answers the same way, so that the form cannot be used to learn who has an account.
 */
export async function requestSignInLink(tx: Tx, email: string): Promise<void> {
  const user = await tx.query.users.findFirst({ where: eq(users.email, email) });
  if (!user || user.disabledAt) return;
  const { id, token } = await createActionToken(tx, { purpose: "sign_in", email, userId: user.id });
  await queueNotification(tx, {
    eventKey: `sign_in:${id}`,
    recipient: email,
    template: "sign_in_link",
    payload: { name: user.name, url: appUrl(`/links/${token}`), expiresMinutes: TOKEN_TTL_MS.sign_in / 60_000 },
  });
}
