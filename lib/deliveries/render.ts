import { personalize, type PreviewContact } from "@/lib/campaigns/preview";
import { escapeHtml } from "@/lib/notifications/layout";
import { clickUrl, openPixelUrl, unsubscribeUrl } from "./tracking";

export type DeliveryContent = { subject: string; body: string };
export type RenderedMessage = { subject: string; text: string; html: string; missing: string[]; unsubscribeUrl: string };

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+/g;

/**
 * One contact's message (§7): `{{placeholders}}` take the entity's order values, then the
 * contact's fields and attributes. The HTML part escapes every value; its links go through the
 * click tracker, a pixel records the open, and every message ends with its unsubscribe link.
 * Without a message id (a proof), links stay as written and the unsubscribe link is a sample.
 */
export function renderMessage(
  content: DeliveryContent,
  contact: PreviewContact,
  values: Record<string, string | number | boolean | null>,
  messageId: string | null,
): RenderedMessage {
  const subject = personalize(content.subject, contact, values);
  const body = personalize(content.body, contact, values);
  const unsubscribe = messageId ? unsubscribeUrl(messageId) : "#unsubscribe";
  const text = `${body.text}\n\n--\nTo stop receiving these emails: ${unsubscribe}\n`;
  const paragraphs = body.text
    .split(/\n{2,}/)
    .map((p) => {
      // Escape first, then turn the (escaped) URLs into tracked links.
      const escaped = escapeHtml(p).replace(URL_IN_TEXT, (url) => {
        const raw = url.replace(/&amp;/g, "&");
        const href = messageId ? clickUrl(messageId, raw) : raw;
        return `<a href="${escapeHtml(href)}">${url}</a>`;
      });
      return `<p style="margin:0 0 12px">${escaped.replace(/\n/g, "<br>")}</p>`;
    })
    .join("");
  const pixel = messageId ? `<img src="${escapeHtml(openPixelUrl(messageId))}" width="1" height="1" alt="" style="display:block">` : "";
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937;padding:24px"><div style="max-width:600px;margin:auto">${paragraphs}<p style="font-size:12px;color:#6b7280;margin-top:24px"><a href="${escapeHtml(unsubscribe)}">Unsubscribe</a></p>${pixel}</div></body></html>`;
  return { subject: subject.text.replace(/[\r\n]+/g, " ").trim(), text, html, missing: [...new Set([...subject.missing, ...body.missing])], unsubscribeUrl: unsubscribe };
}
