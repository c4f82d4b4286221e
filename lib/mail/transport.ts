import nodemailer, { type Transporter } from "nodemailer";
import { buildMessage, type MimeMessage } from "./mime";

let cached: { url: string; transporter: Transporter } | undefined;

export function mailFrom(): string {
  return process.env.SMTP_FROM ?? "Distributed Marketing <no-reply@distributed-marketing.local>";
}

/** The host part of our Message-IDs: the portal's own domain. */
export function messageDomain(): string {
  try {
    return new URL(process.env.APP_URL ?? "http://localhost").hostname || "localhost";
  } catch {
    return "localhost";
  }
}

/**
 * Options written in SMTP_URL win. Without any, a pool of 20 connections: nodemailer sends one
 * command at a time and waits for each answer, so a connection's throughput is bound by round
 * trips, not CPU. Into the benchmark's sink, 10,000 emails went at 1,588 msg/s over nodemailer's
 * default 5 connections, 1,891 over 10 and 2,588 over 20 (e2e/perf/RESULTS.md, B2). A relay that
 * allows fewer connections (Microsoft 365 allows 3) takes `?pool=true&maxConnections=3`.
 */
export function transportUrl(url: string): string {
  return url.includes("?") || !url.startsWith("smtp") ? url : `${url}?pool=true&maxConnections=20`;
}

/** One pooled SMTP transport per process, rebuilt only if SMTP_URL changes. */
export function getTransport(): Transporter {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  if (!cached || cached.url !== url) {
    cached?.transporter.close();
    const transporter = nodemailer.createTransport(transportUrl(url));
    cached = { url, transporter };
  }
  return cached.transporter;
}

/** Sends one message built by lib/mail/mime.ts through the pool; resolves once the server took it. */
export async function sendMessage(msg: MimeMessage): Promise<unknown> {
  // async, so that a message that cannot be built rejects like any failed send.
  return getTransport().sendMail(buildMessage(msg));
}

export function closeTransport(): void {
  cached?.transporter.close();
  cached = undefined;
}
