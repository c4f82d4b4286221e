import "server-only";
import type { z } from "zod";
import type { ActionDef, ActionResult } from "@/lib/actions";
import { getCurrentActor } from "@/lib/auth/session";

/** Entry point for `"use server"` functions: the session comes from the request, never the client. */
export async function invoke<S extends z.ZodType, R>(def: ActionDef<S, R>, raw: unknown): Promise<ActionResult<R>> {
  return def.run(await getCurrentActor(), raw);
}
