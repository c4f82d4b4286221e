import { getDb } from "@/db";
import { recordOpen } from "@/lib/deliveries/tracking-events";

const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

// The open pixel: always the same image, whatever the token, so probing it reveals nothing.
export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await recordOpen(getDb(), token).catch(() => false);
  return new Response(PIXEL, { headers: { "Content-Type": "image/gif", "Cache-Control": "no-store, max-age=0" } });
}
