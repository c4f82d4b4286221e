import type { z } from "zod";
import { getDb, type Db } from "@/db";
import type { Actor, Membership } from "@/lib/auth/actor";
import { requireActor, requireAdmin, requireCentral, requireEntityMember } from "@/lib/authz";
import { AppError, errorMessages, type AppErrorCode } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode; error: string; fieldErrors?: Record<string, string> };

export type Access = "public" | "signedIn" | "central" | "admin" | "entity";

type Context<A extends Access> = A extends "entity"
  ? { db: Db; actor: Actor; entity: Membership }
  : A extends "public"
    ? { db: Db; actor: Actor | null }
    : { db: Db; actor: Actor };

export type ActionDef<S extends z.ZodType, R, A extends Access = Access> = {
  name: string;
  access: A;
  schema: S;
  /** The whole pipeline with an explicit actor: used by the server-action entry points and by tests. */
  run: (actor: Actor | null, raw: unknown) => Promise<ActionResult<R>>;
};

/**
 * The one path every server action takes: authenticate → resolve the entity from the input and
 * re-check membership and role → parse with the form's zod schema → run → typed result.
 * Entity-scoped actions take the entity's internal name as `entity` in their input, because
 * server actions are public HTTP endpoints and a hidden field is just a claim to verify.
 */
export function defineAction<S extends z.ZodType, A extends Access, R>(spec: {
  name: string;
  access: A;
  schema: S;
  handler: (ctx: Context<A>, input: z.infer<S>) => Promise<R>;
}): ActionDef<S, R, A> {
  return {
    name: spec.name,
    access: spec.access,
    schema: spec.schema,
    async run(actor, raw) {
      try {
        const ctx = authorize(spec.access, actor, raw);
        const parsed = spec.schema.safeParse(raw);
        if (!parsed.success) {
          return { ok: false, code: "invalid_input", error: errorMessages.invalid_input, fieldErrors: fieldErrorsOf(parsed.error) };
        }
        const data = await spec.handler(ctx as Context<A>, parsed.data);
        return { ok: true, data };
      } catch (err) {
        return toFailure(err);
      }
    },
  };
}

function authorize(access: Access, actor: Actor | null, raw: unknown) {
  const db = getDb();
  switch (access) {
    case "public":
      return { db, actor };
    case "signedIn":
      return { db, actor: requireActor(actor) };
    case "central":
      return { db, actor: requireCentral(actor) };
    case "admin":
      return { db, actor: requireAdmin(actor) };
    case "entity": {
      const name = raw && typeof raw === "object" ? (raw as { entity?: unknown }).entity : undefined;
      if (typeof name !== "string") throw new AppError(actor ? "not_found" : "unauthenticated");
      return { db, ...requireEntityMember(actor, name) };
    }
  }
}


const uniqueFields: Record<string, [string, string]> = {
  entities_internal_name_unique: ["internalName", "Another entity already uses this internal name."],
  users_email_unique: ["email", "Someone with this email already has an account."],
  campaign_templates_internal_name_unique: ["internalName", "Another template already uses this internal name."],
  campaigns_internal_name_unique: ["internalName", "Another campaign already uses this internal name."],
  packages_internal_name_unique: ["internalName", "Another package already uses this internal name."],
};

function toFailure(err: unknown): ActionResult<never> {
  if (err instanceof AppError) {
    return { ok: false, code: err.code, error: err.message, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) };
  }
  // drizzle wraps the driver's error; PostgreSQL's code and constraint are on its cause.
  const pg = ((err as { cause?: unknown } | null)?.cause ?? err) as { code?: string; constraint_name?: string } | null;
  const pgCode = pg?.code;
  if (pgCode === "40001" || pgCode === "40P01") return { ok: false, code: "conflict", error: errorMessages.conflict };
  // A unique index is the last word when two requests race past the same "is it taken?" check.
  const constraint = pg?.constraint_name;
  if (pgCode === "23505" && constraint && uniqueFields[constraint]) {
    const [field, message] = uniqueFields[constraint];
    return { ok: false, code: "invalid_input", error: errorMessages.invalid_input, fieldErrors: { [field]: message } };
  }
  console.error("action failed", err);
  return { ok: false, code: "internal", error: errorMessages.internal };
}
