import { redirect } from "next/navigation";
import { landingPath } from "@/lib/auth/actor";
import { getCurrentActor } from "@/lib/auth/session";

export default async function Home() {
  const actor = await getCurrentActor();
  redirect(actor ? landingPath(actor) : "/sign-in");
}
