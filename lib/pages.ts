import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Actor, Membership } from "@/lib/auth/actor";
import { requireAdmin, requireCentral, requireEntityMember } from "@/lib/authz";
import { getCurrentActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

// Page guards: the same checks as actions, answered as a redirect to sign-in or a 404.
async function guard<T>(path: string, check: (actor: Actor | null) => T): Promise<T> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  try {
    return check(actor);
  } catch (err) {
    if (err instanceof AppError) notFound();
    throw err;
  }
}

export const pageCentral = (path: string) => guard(path, requireCentral);
export const pageAdmin = (path: string) => guard(path, requireAdmin);
export const pageEntity = (path: string, internalName: string): Promise<{ actor: Actor; entity: Membership }> =>
  guard(path, (a) => requireEntityMember(a, internalName));
export const pageSignedIn = (path: string) => guard(path, (a) => a!);
