import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { actionTokens, entities, entityMemberships, invitations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { appUrl } from "@/lib/links/urls";
import { consumeActionToken, createActionToken, TOKEN_TTL_MS } from "@/lib/links/tokens";
import { queueNotification } from "@/lib/notifications/queue";
import type { InviteInput } from "./schemas";

type Invite = Omit<InviteInput, "email"> & { email: string };

/** Records the invitation, its one-time token and its email, in one transaction. */
export async function inviteOperator(tx: Tx, actor: Actor, input: Invite): Promise<{ invitationId: string }> {
  const existing = await tx.query.users.findFirst({ where: eq(users.email, input.email) });
  if (existing) throw new AppError("invalid_input", undefined, { email: "Someone with this email already has an account." });
  const entityIds = input.role === "local" ? [...new Set(input.entityIds)] : [];
  if (entityIds.length) {
    const found = await tx
      .select({ id: entities.id })
      .from(entities)
      .where(and(inArray(entities.id, entityIds), eq(entities.kind, "local")));
    if (found.length !== entityIds.length) throw new AppError("invalid_input", undefined, { entityIds: "Choose existing local entities." });
  }
  // A new invitation replaces any pending one for the same address: only the latest link works.
  await tx
    .update(actionTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(actionTokens.email, input.email), eq(actionTokens.purpose, "invitation"), isNull(actionTokens.usedAt)));
  const { id: tokenId, token } = await createActionToken(tx, { purpose: "invitation", email: input.email });
  const [inv] = await tx
    .insert(invitations)
    .values({
      email: input.email,
      name: input.name,
      role: input.role,
      isAdmin: input.role === "central" && input.isAdmin,
      entityIds,
      tokenId,
      invitedBy: actor.userId,
    })
    .returning({ id: invitations.id });
  const roleLabel =
    input.role === "central" ? (input.isAdmin ? "a central administrator" : "a central operator") : "a local operator";
  await queueNotification(tx, {
    eventKey: `invitation:${inv!.id}`,
    recipient: input.email,
    template: "invitation",
    payload: {
      name: input.name,
      inviterName: actor.name,
      url: appUrl(`/links/${token}`),
      roleLabel,
      expiresDays: Math.round(TOKEN_TTL_MS.invitation / 86_400_000),
    },
  });
  return { invitationId: inv!.id };
}

/** Spends the invitation token and creates the account with its memberships. */
export async function acceptInvitation(tx: Tx, input: { token: string; name: string; password: string }) {
  const token = await consumeActionToken(tx, input.token, "invitation");
  if (!token) throw new AppError("link_invalid");
  const inv = await tx.query.invitations.findFirst({ where: eq(invitations.tokenId, token.id) });
  if (!inv) throw new AppError("link_invalid");
  const taken = await tx.query.users.findFirst({ where: eq(users.email, inv.email) });
  if (taken) throw new AppError("link_invalid", "An account already exists for this email. Sign in instead.");
  const [user] = await tx
    .insert(users)
    .values({
      email: inv.email,
      name: input.name,
      role: inv.role,
      isAdmin: inv.isAdmin,
      passwordHash: await hashPassword(input.password),
    })
    .returning({ id: users.id, email: users.email });
  if (inv.entityIds.length) {
    // An entity deleted since the invitation is skipped rather than failing the acceptance.
    const live = await tx.select({ id: entities.id }).from(entities).where(inArray(entities.id, inv.entityIds));
    if (live.length) await tx.insert(entityMemberships).values(live.map((e) => ({ entityId: e.id, userId: user!.id })));
  }
  await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, inv.id));
  return { email: user!.email };
}
