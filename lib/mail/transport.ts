import nodemailer, { type Transporter } from "nodemailer";

let cached: { url: string; transporter: Transporter } | undefined;

export function mailFrom(): string {
  return process.env.SMTP_FROM ?? "Distributed Marketing <no-reply@distributed-marketing.local>";
}

/** One pooled SMTP transport per process, rebuilt only if SMTP_URL changes. */
export function getTransport(): Transporter {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  if (!cached || cached.url !== url) {
    cached?.transporter.close();
    const transporter = nodemailer.createTransport(url.includes("?") || !url.startsWith("smtp") ? url : `${url}?pool=true`);
    cached = { url, transporter };
  }
  return cached.transporter;
}

export function closeTransport(): void {
  cached?.transporter.close();
  cached = undefined;
}
