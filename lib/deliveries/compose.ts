import { personalize, type PreviewContact } from "@/lib/campaigns/preview";
import { escapeHtml } from "@/lib/notifications/layout";

// The message itself, without tracking: pure (no node import), so the delivery page's live
// preview in the browser and the emails the server sends are made by the same code.

export type DeliveryContent = { subject: string; body: string };
export type RenderedMessage = { subject: string; text: string; html: string; missing: string[]; unsubscribeUrl: string };
/** A sent message's tracked links; null for a proof or a preview. */
export type MessageLinks = { click: (url: string) => string; openPixel: string; unsubscribe: string };

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+/g;

export function composeMessage(
  content: DeliveryContent,
  contact: PreviewContact,
  values: Record<string, string | number | boolean | null>,
  links: MessageLinks | null,
): RenderedMessage {
  const subject = personalize(content.subject, contact, values);
  const body = personalize(content.body, contact, values);
  const unsubscribe = links ? links.unsubscribe : "#unsubscribe";
  const text = `${body.text}\n\n--\nTo stop receiving these emails: ${unsubscribe}\n`;
  const paragraphs = body.text
    .split(/\n{2,}/)
    .map((p) => {
      // Escape first, then turn the (escaped) URLs into tracked links.
      const escaped = escapeHtml(p).replace(URL_IN_TEXT, (url) => {
        const raw = url.replace(/&amp;/g, "&");
        const href = links ? links.click(raw) : raw;
        return `<a href="${escapeHtml(href)}">${url}</a>`;
      });
      return `<p style="margin:0 0 12px">${escaped.replace(/\n/g, "<br>")}</p>`;
    })
    .join("");
  const pixel = links ? `<img src="${escapeHtml(links.openPixel)}" width="1" height="1" alt="" style="display:block">` : "";
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937;padding:24px"><div style="max-width:600px;margin:auto">${paragraphs}<p style="font-size:12px;color:#6b7280;margin-top:24px"><a href="${escapeHtml(unsubscribe)}">Unsubscribe</a></p>${pixel}</div></body></html>`;
  return { subject: subject.text.replace(/[\r\n]+/g, " ").trim(), text, html, missing: [...new Set([...subject.missing, ...body.missing])], unsubscribeUrl: unsubscribe };
}

/** What `renderMessage(…, null)` gives (a proof), for the browser: no tracking, no node import. */
export function renderPreview(content: DeliveryContent, contact: PreviewContact, values: Record<string, string | number | boolean | null>): RenderedMessage {
  return composeMessage(content, contact, values, null);
}
