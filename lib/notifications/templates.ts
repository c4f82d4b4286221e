// Email templates. Plain functions so that the worker renders them outside Next.
// Every interpolated value is escaped: names and comments are user input.
import { executionRenderers, type ExecutionPayloads } from "./execution-templates";
import { escapeHtml, layout, type Rendered } from "./layout";
import { stockRenderers, type StockPayloads } from "./stock-templates";

export { escapeHtml };

export type TemplatePayloads = {
  sign_in_link: { name: string; url: string; expiresMinutes: number };
  invitation: { name: string; inviterName: string; url: string; roleLabel: string; expiresDays: number };
  package_approval: { packageLabel: string; submittedBy: string; deadline: string; url: string; reminder?: boolean };
  new_catalog_entry: { packageLabel: string; entityLabel: string; description: string; message: string; url: string; attachmentIds?: string[] };
  campaign_subscription: { packageLabel: string; entityLabel: string; description: string; message: string; registrationDeadline: string; personalizationDeadline: string; documents: string[]; url: string; attachmentIds?: string[] };
  campaign_subscribed: { packageLabel: string; entityLabel: string; message: string; url: string; rejectUrl?: string; changeUrl?: string; attachmentIds?: string[] };
  package_canceled: { packageLabel: string; entityLabel: string; canceledOn: string; comment: string; url: string };
  order_approval: { orderLabel: string; packageLabel: string; entityLabel: string; orderedBy: string; comment: string; parameters: [string, string][]; url: string; parametersUrl: string };
  order_decision: { decision: "approved" | "rejected" | "canceled"; orderLabel: string; packageLabel: string; entityLabel: string; decidedBy: string; comment: string; url: string };
  campaign_available: { packageLabel: string; entityLabel: string; campaignLabel: string; url: string };
  registration_reminder: { packageLabel: string; entityLabel: string; registrationDeadline: string; url: string };
} & ExecutionPayloads &
  StockPayloads;
export type EmailTemplate = keyof TemplatePayloads;
export type TemplatePayload<T extends EmailTemplate> = TemplatePayloads[T];

/** Payload fields that hold live link tokens (`url`, `…Url`); the outbox blanks them once the email is sent. */
export function isSecretPayloadKey(key: string): boolean {
  return key === "url" || key.endsWith("Url");
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
  campaign_subscribed: (p) => {
    const actions = p.rejectUrl && p.changeUrl
      ? [{ label: "Change the order parameters", url: p.changeUrl }, { label: "Reject the subscription", url: p.rejectUrl }]
      : [{ label: "See the subscription", url: p.url }];
    return {
      subject: `You have been subscribed to the campaign ${p.packageLabel}`,
      text: `You have been subscribed to the campaign "${p.packageLabel}" for ${p.entityLabel}.\n${p.message}\n\n${actions.map((a) => `${a.label}: ${a.url}`).join("\n")}\n`,
      html: layout(`You have been subscribed to the campaign: ${p.packageLabel}`, [`For ${p.entityLabel}.`, p.message].filter(Boolean), actions, "No approval is needed: changes take effect at once."),
    };
  },
  package_canceled: (p) => ({
    subject: `[Cancellation of package] ${p.packageLabel}`,
    text: `The campaign was canceled centrally on ${p.canceledOn}.\nPackage: ${p.packageLabel} (${p.entityLabel})\nComment: ${p.comment}\n\n${p.url}\n`,
    html: layout(`The campaign was canceled centrally on ${p.canceledOn}`, [`Package: ${p.packageLabel}, for ${p.entityLabel}.`, `Comment: ${p.comment}`], { label: "Open your portal", url: p.url }, "Orders for this package have been canceled."),
  }),
};

const orderRenderers: { [T in "order_approval" | "order_decision" | "campaign_available" | "registration_reminder"]: (p: TemplatePayloads[T]) => Rendered } = {
  order_approval: (p) => {
    const params = p.parameters.map(([k, v]) => `${k}: ${v}`);
    return {
      subject: `[Approval of order] ${p.orderLabel} (${p.entityLabel})`,
      text: `Please approve the order configuration.\n${p.entityLabel} ordered "${p.packageLabel}" (${p.orderedBy}).\nOrder: ${p.orderLabel}\n${p.comment ? `Comment: ${p.comment}\n` : ""}${params.join("\n")}\n\nAccept or reject: ${p.url}\nOrder parameters: ${p.parametersUrl}\n`,
      html: layout(
        `Please approve the order configuration: ${p.orderLabel}`,
        [`${p.entityLabel} ordered "${p.packageLabel}" (${p.orderedBy}).`, p.comment ? `Comment: ${p.comment}` : "", ...params].filter(Boolean),
        [{ label: "Accept or reject", url: p.url }, { label: "Order parameters", url: p.parametersUrl }],
        "The first reviewer to answer decides.",
      ),
    };
  },
  order_decision: (p) => {
    const verb = p.decision;
    return {
      subject: `Your order ${p.orderLabel} was ${verb}`,
      text: `The order "${p.orderLabel}" of ${p.entityLabel} for "${p.packageLabel}" was ${verb} by ${p.decidedBy}.\n${p.comment ? `Comment: ${p.comment}\n` : ""}\nSee the order: ${p.url}\n`,
      html: layout(`Your order was ${verb}: ${p.orderLabel}`, [`"${p.packageLabel}", for ${p.entityLabel}.`, `Decided by ${p.decidedBy}.`, p.comment ? `Comment: ${p.comment}` : ""].filter(Boolean), { label: "See the order", url: p.url }, "You receive this as a member of your entity's package notification group."),
    };
  },
  campaign_available: (p) => ({
    subject: `The campaign ${p.campaignLabel} is available`,
    text: `The campaign "${p.campaignLabel}" ordered by ${p.entityLabel} ("${p.packageLabel}") is available.\n\nOpen the campaign: ${p.url}\n`,
    html: layout(`The campaign is available: ${p.campaignLabel}`, [`Ordered by ${p.entityLabel} ("${p.packageLabel}").`], { label: "Open the campaign", url: p.url }, "You receive this as a member of your entity's package notification group."),
  }),
  registration_reminder: (p) => ({
    subject: `[Campaign subscription] Reminder: ${p.packageLabel}`,
    text: `${p.entityLabel} has not registered for the campaign "${p.packageLabel}" yet.\nRegistration deadline: ${p.registrationDeadline}\n\nRegister for the campaign: ${p.url}\n`,
    html: layout(`Registration deadline approaching: ${p.packageLabel}`, [`${p.entityLabel} has not registered yet.`, `Registration deadline: ${p.registrationDeadline}.`], { label: "Register for the campaign", url: p.url }, "This reminder stops once your entity has registered."),
  }),
};

const renderers = { ...authRenderers, ...packageRenderers, ...orderRenderers, ...executionRenderers, ...stockRenderers } as { [T in EmailTemplate]: (p: TemplatePayloads[T]) => Rendered };

export function renderEmail<T extends EmailTemplate>(template: T, payload: TemplatePayload<T>): Rendered {
  return renderers[template](payload);
}

export function isEmailTemplate(value: string): value is EmailTemplate {
  return value in renderers;
}
