// Email templates. Plain functions so that the worker renders them outside Next.
// Every interpolated value is escaped: names and comments are user input.

export type TemplatePayloads = {
  sign_in_link: { name: string; url: string; expiresMinutes: number };
  invitation: { name: string; inviterName: string; url: string; roleLabel: string; expiresDays: number };
};
export type EmailTemplate = keyof TemplatePayloads;
export type TemplatePayload<T extends EmailTemplate> = TemplatePayloads[T];

/** Payload fields that hold live link tokens; the outbox blanks them once the email is sent. */
export const SECRET_PAYLOAD_KEYS = ["url"];

type Rendered = { subject: string; text: string; html: string };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function layout(title: string, paragraphs: string[], action: { label: string; url: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`).join("");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937;background:#f8fafc;padding:24px">
<div style="max-width:560px;margin:auto;background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:24px">
<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(title)}</h1>${body}
<p style="margin:20px 0"><a href="${escapeHtml(action.url)}" style="background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:12px;color:#6b7280;margin:0">${escapeHtml(footer)}</p></div></body></html>`;
}

const renderers: { [T in EmailTemplate]: (p: TemplatePayloads[T]) => Rendered } = {
  sign_in_link: (p) => ({
    subject: "Your sign-in link for Distributed Marketing",
    text: `Hello ${p.name},\n\nSign in to Distributed Marketing with this link:\n${p.url}\n\nIt works once and expires in ${p.expiresMinutes} minutes. If you did not ask for it, ignore this email.\n`,
    html: layout(
      "Sign in to Distributed Marketing",
      [`Hello ${p.name},`, `Use the button below to sign in. The link works once and expires in ${p.expiresMinutes} minutes.`],
      { label: "Sign in", url: p.url },
      "If you did not ask for this link, ignore this email.",
    ),
  }),
  invitation: (p) => ({
    subject: `${p.inviterName} invited you to Distributed Marketing`,
    text: `Hello ${p.name},\n\n${p.inviterName} invited you to Distributed Marketing as ${p.roleLabel}.\nSet your password and sign in:\n${p.url}\n\nThe invitation expires in ${p.expiresDays} days.\n`,
    html: layout(
      "You are invited to Distributed Marketing",
      [`Hello ${p.name},`, `${p.inviterName} invited you as ${p.roleLabel}.`, `The invitation expires in ${p.expiresDays} days.`],
      { label: "Accept the invitation", url: p.url },
      "The link works once, for you only.",
    ),
  }),
};

export function renderEmail<T extends EmailTemplate>(template: T, payload: TemplatePayload<T>): Rendered {
  return renderers[template](payload);
}

export function isEmailTemplate(value: string): value is EmailTemplate {
  return value in renderers;
}
