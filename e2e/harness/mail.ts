import type { CaughtMessage } from "../../lib/mail/catcher";

/** Waits for an email to reach the test SMTP server and returns it. */
export async function waitForEmail(to: string, subject: RegExp | string, timeoutMs = 20_000): Promise<CaughtMessage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await inbox()).filter((m) => m.to.includes(to) && (typeof subject === "string" ? m.subject.includes(subject) : subject.test(m.subject)));
    if (found.length) return found[found.length - 1]!;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email "${subject}" reached ${to} within ${timeoutMs} ms`);
}

export async function inbox(): Promise<CaughtMessage[]> {
  const res = await fetch(`${process.env.MAIL_API}/api/messages`);
  return (await res.json()) as CaughtMessage[];
}

export function linkIn(message: CaughtMessage): string {
  const url = message.text.match(/https?:\/\/\S+\/links\/[A-Za-z0-9_-]+/)?.[0];
  if (!url) throw new Error(`no link in "${message.subject}"`);
  return url;
}

/** The link an email's text puts after "<label>:", for emails that carry several. */
export function labelledLink(message: CaughtMessage, label: string): string {
  const url = message.text.match(new RegExp(`${label}: (https?://\\S+/links/[A-Za-z0-9_-]+)`))?.[1];
  if (!url) throw new Error(`no "${label}" link in "${message.subject}"`);
  return url;
}
