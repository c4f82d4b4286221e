import type { PreviewContact } from "@/lib/campaigns/preview";
import { composeMessage, type DeliveryContent, type RenderedMessage } from "./compose";
import { clickUrl, openPixelUrl, unsubscribeUrl } from "./tracking";

export type { DeliveryContent, RenderedMessage } from "./compose";

/**
 * One contact's message (§7): `{{placeholders}}` take the entity's order values, then the
 * contact's fields and attributes. The HTML part escapes every value; its links go through the
 * click tracker, a pixel records the open, and every message ends with its unsubscribe link.
 * Without a message id (a proof), links stay as written and the unsubscribe link is a sample.
 * The composing itself is in compose.ts, which the browser can load (tracking.ts needs node:crypto).
 */
export function renderMessage(
  content: DeliveryContent,
  contact: PreviewContact,
  values: Record<string, string | number | boolean | null>,
  messageId: string | null,
): RenderedMessage {
  const links = messageId ? { click: (url: string) => clickUrl(messageId, url), openPixel: openPixelUrl(messageId), unsubscribe: unsubscribeUrl(messageId) } : null;
  return composeMessage(content, contact, values, links);
}
