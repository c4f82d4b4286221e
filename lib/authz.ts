import type { Actor, Membership } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

// Each guard throws an AppError; pages turn it into a redirect or a 404, actions into a result.
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated");
  return actor;
}

export function requireCentral(actor: Actor | null): Actor {
  const a = requireActor(actor);
  // A local operator learns nothing about the admin area: it answers as if it did not exist.
  if (a.role !== "central") throw new AppError("not_found");
  return a;
}

export function requireAdmin(actor: Actor | null): Actor {
  const a = requireCentral(actor);
  if (!a.isAdmin) throw new AppError("forbidden", "Only central administrators can do this.");
  return a;
}

/** The entity named in the URL or input, only if the actor belongs to it. */
export function requireEntityMember(actor: Actor | null, internalName: string): { actor: Actor; entity: Membership } {
  const a = requireActor(actor);
  const entity = a.memberships.find((m) => m.internalName === internalName);
  // Same answer for "exists but not yours" and "does not exist": no probing of other tenants.
  if (!entity) throw new AppError("not_found");
  return { actor: a, entity };
}
