import { createHmac, timingSafeEqual } from "node:crypto";
import { appUrl } from "@/lib/links/urls";

// Tracking and unsubscribe links carry the message id and an HMAC of it, so they need no row of
// their own (a 100k delivery would otherwise write 300k tokens) and cannot be forged or pointed
// at another message. A click link also signs its destination: no open redirect.

export type TrackingPurpose = "open" | "click" | "unsubscribe";

function secret(): string {
  const s = process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set: tracking links cannot be signed");
  return s;
}

function sign(purpose: TrackingPurpose, messageId: string, extra = ""): string {
  return createHmac("sha256", secret()).update(`${purpose}\n${messageId}\n${extra}`).digest("base64url").slice(0, 32);
}

export function trackingToken(purpose: TrackingPurpose, messageId: string, extra = ""): string {
  return `${messageId}.${sign(purpose, messageId, extra)}`;
}

/** The message id a token names, or null when it was not made here for that purpose. */
export function verifyTrackingToken(purpose: TrackingPurpose, token: string, extra = ""): string | null {
  const [messageId, mac] = token.split(".");
  if (!messageId || !mac || !/^[0-9a-f-]{36}$/.test(messageId)) return null;
  const expected = Buffer.from(sign(purpose, messageId, extra));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? messageId : null;
}

export function openPixelUrl(messageId: string): string {
  return appUrl(`/t/o/${trackingToken("open", messageId)}`);
}

export function clickUrl(messageId: string, destination: string): string {
  return appUrl(`/t/c/${trackingToken("click", messageId, destination)}?u=${encodeURIComponent(destination)}`);
}

export function unsubscribeUrl(messageId: string): string {
  return appUrl(`/u/${trackingToken("unsubscribe", messageId)}`);
}
