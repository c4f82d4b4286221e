import { layout, type Rendered } from "./layout";

// Emails of campaign execution (§5, §6, §7, §8).
export type ExecutionPayloads = {
  target_approval: { campaignLabel: string; entityLabel: string; contacts: number; deadline: string; url: string; reminder?: boolean };
  delivery_approval: { deliveryLabel: string; campaignLabel: string; kinds: string[]; deadline: string; url: string; reminder?: boolean };
  /** A proof: the delivery's content rendered for a sample contact, sent to a named address. */
  delivery_proof: { deliveryLabel: string; subject: string; text: string; html: string };
  /** The extraction file to a service provider; `deliveryFileId` names the attachment. */
  provider_file: { providerName: string; deliveryLabel: string; subject: string; body: string; fileName: string; rowCount: number; deliveryFileId: string };
};

export const executionRenderers: { [T in keyof ExecutionPayloads]: (p: ExecutionPayloads[T]) => Rendered } = {
  target_approval: (p) => ({
    subject: `[Target approval] ${p.reminder ? "Reminder: " : ""}${p.campaignLabel}`,
    text: `${p.entityLabel}: ${p.contacts} of your contacts are targeted by the campaign "${p.campaignLabel}".\nPlease approve the targeting before ${p.deadline}.\n\nAccess your contact list and approve targeting: ${p.url}\n`,
    html: layout(
      `Target approval: ${p.campaignLabel}`,
      [`${p.contacts} of ${p.entityLabel}'s contacts are targeted by the campaign "${p.campaignLabel}".`, `Please approve the targeting before ${p.deadline}.`],
      { label: "Access your contact list and approve targeting", url: p.url },
      p.reminder ? "This reminder stops once your entity has approved its targeting." : "Uncheck the contacts to exclude, then approve.",
    ),
  }),
  delivery_approval: (p) => ({
    subject: `[Delivery approval] ${p.reminder ? "Reminder: " : ""}${p.deliveryLabel}`,
    text: `The delivery "${p.deliveryLabel}" of the campaign "${p.campaignLabel}" needs your approval (${p.kinds.join(", ")}) before ${p.deadline}.\n\nAccept or reject: ${p.url}\n`,
    html: layout(
      `Delivery approval: ${p.deliveryLabel}`,
      [`Campaign: ${p.campaignLabel}.`, `To approve: ${p.kinds.join(", ")}.`, `Deadline: ${p.deadline}.`],
      { label: "Accept or reject", url: p.url },
      "The first reviewer to answer decides.",
    ),
  }),
  delivery_proof: (p) => ({ subject: `[Proof] ${p.subject}`, text: p.text, html: p.html }),
  provider_file: (p) => ({
    subject: p.subject || `Extraction file: ${p.deliveryLabel}`,
    text: `${p.body || `Please find attached the extraction file for "${p.deliveryLabel}".`}\n\nFile: ${p.fileName} (${p.rowCount} rows)\n`,
    html: layout(
      p.subject || `Extraction file: ${p.deliveryLabel}`,
      [p.body || `Please find attached the extraction file for "${p.deliveryLabel}".`, `File: ${p.fileName} (${p.rowCount} rows).`],
      [],
      `Sent to ${p.providerName} by Distributed Marketing.`,
    ),
  }),
};
