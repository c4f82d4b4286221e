import { getDb } from "@/db";
import { recordClick } from "@/lib/deliveries/tracking-events";

// A tracked link: the destination is signed with the message, so this never redirects elsewhere.
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const destination = new URL(req.url).searchParams.get("u") ?? "";
  const to = await recordClick(getDb(), token, destination);
  if (!to) return new Response("This link is not valid.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(null, { status: 302, headers: { Location: to, "Cache-Control": "no-store" } });
}
