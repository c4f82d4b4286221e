import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { getDb } from "@/db";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/options";

/** The signed-in person for this request, or null. Memoised per request. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? loadActor(getDb(), id) : null;
});
