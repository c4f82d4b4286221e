// Email templates. Plain functions so that the worker renders them outside Next.
// Every interpolated value is escaped: names and comments are user input.

export type TemplatePayloads = {
  sign_in_link: { name: string; url: string; expiresMinutes: number };
  invitation: { name: string; inviterName: string; url: string; roleLabel: string; expiresDays: number };
  package_approval: { packageLabel: string; submittedBy: string; deadline: string; url: string; reminder?: boolean };
  new_catalog_entry: { packageLabel: string; entityLabel: string; description: string; message: string; url: string; attachmentIds?: string[] };
  campaign_subscription: { packageLabel: string; entityLabel: string; description: string; message: string; registrationDeadline: string; personalizationDeadline: string; documents: string[]; url: string; attachmentIds?: string[] };
  campaign_subscribed: { packageLabel: string; entityLabel: string; message: string; url: string; attachmentIds?: string[] };
  package_canceled: { packageLabel: string; entityLabel: string; canceledOn: string; comment: string; url: string };
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

const authRenderers: { [T in "sign_in_link" | "invitation"]: (p: TemplatePayloads[T]) => Rendered } = {
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

const packageRenderers: { [T in "package_approval" | "new_catalog_entry" | "campaign_subscription" | "campaign_subscribed" | "package_canceled"]: (p: TemplatePayloads[T]) => Rendered } = {
  package_approval: (p) => ({
    subject: `[Campaign package approval]${p.reminder ? " Reminder:" : ""} ${p.packageLabel}`,
    text: `${p.submittedBy} submitted the campaign package "${p.packageLabel}" for your approval.\nPlease answer before ${p.deadline}.\n\nAccept or reject: ${p.url}\n`,
    html: layout(`Campaign package approval: ${p.packageLabel}`, [`${p.submittedBy} submitted this package for your approval.`, `Please answer before ${p.deadline}.`], { label: "Accept or reject", url: p.url }, "The first reviewer to answer decides."),
  }),
  new_catalog_entry: (p) => ({
    subject: `[New catalog entry] ${p.packageLabel}`,
    text: `A new package is available for ${p.entityLabel}: ${p.packageLabel}.\n${p.description}\n${p.message}\n\nOrder the campaign: ${p.url}\n`,
    html: layout(`A new package is available: ${p.packageLabel}`, [`For ${p.entityLabel}.`, p.description, p.message].filter(Boolean), { label: "Order the campaign", url: p.url }, "You receive this as a member of your entity's package notification group."),
  }),
  campaign_subscription: (p) => ({
    subject: `[Campaign subscription] ${p.packageLabel}`,
    text: `Please subscribe to the campaign "${p.packageLabel}" for ${p.entityLabel}.\nRegistration deadline: ${p.registrationDeadline}\nPersonalization deadline: ${p.personalizationDeadline}\n${p.description}\n${p.message}\n${p.documents.length ? `Documents: ${p.documents.join(", ")}\n` : ""}\nRegister for the campaign: ${p.url}\n`,
    html: layout(
      `Please subscribe to the campaign: ${p.packageLabel}`,
      [`For ${p.entityLabel}.`, `Registration deadline: ${p.registrationDeadline}.`, `Personalization deadline: ${p.personalizationDeadline}.`, p.description, p.message, p.documents.length ? `Documents: ${p.documents.join(", ")}.` : ""].filter(Boolean),
      { label: "Register for the campaign", url: p.url },
      "You receive this as a member of your entity's package notification group.",
    ),
  }),
  campaign_subscribed: (p) => ({
    subject: `You have been subscribed to the campaign ${p.packageLabel}`,
    text: `You have been subscribed to the campaign "${p.packageLabel}" for ${p.entityLabel}.\n${p.message}\n\nSee the subscription: ${p.url}\n`,
    html: layout(`You have been subscribed to the campaign: ${p.packageLabel}`, [`For ${p.entityLabel}.`, p.message].filter(Boolean), { label: "See the subscription", url: p.url }, "You may reject the subscription or change its parameters from the portal."),
  }),
  package_canceled: (p) => ({
    subject: `[Cancellation of package] ${p.packageLabel}`,
    text: `The campaign was canceled centrally on ${p.canceledOn}.\nPackage: ${p.packageLabel} (${p.entityLabel})\nComment: ${p.comment}\n\n${p.url}\n`,
    html: layout(`The campaign was canceled centrally on ${p.canceledOn}`, [`Package: ${p.packageLabel}, for ${p.entityLabel}.`, `Comment: ${p.comment}`], { label: "Open your portal", url: p.url }, "Orders for this package have been canceled."),
  }),
};

const renderers = { ...authRenderers, ...packageRenderers } as { [T in EmailTemplate]: (p: TemplatePayloads[T]) => Rendered };

export function renderEmail<T extends EmailTemplate>(template: T, payload: TemplatePayload<T>): Rendered {
  return renderers[template](payload);
}

export function isEmailTemplate(value: string): value is EmailTemplate {
  return value in renderers;
}
