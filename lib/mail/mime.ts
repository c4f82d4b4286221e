import addressparser from "nodemailer/lib/addressparser";
import { buildHeaderValue, encodeWords, foldLines, isPlainText } from "nodemailer/lib/mime-funcs";

// Our emails are always the same shape: text and HTML alternatives, a few ASCII headers, now and
// then an attachment. nodemailer's composer builds each one through a chain of streams and
// spends ~0.9 ms of CPU a message on it, which capped sending at ~1,000 messages/s on two cores
// (e2e/perf/RESULTS.md, B2 and B4). Built here with native base64, a message costs a tenth of
// that, and nodemailer still does what it is good at: the pooled SMTP conversation. Header words
// and attachment names keep nodemailer's own RFC 2047 / 2231 encoders.

export type MimeAttachment = { filename: string; content: Buffer | string; contentType: string };

export type MimeMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Extra headers; names and values must be ASCII without line breaks. */
  headers?: Record<string, string>;
  attachments?: MimeAttachment[];
  date?: Date;
};

const CRLF = "\r\n";

function base64Lines(data: Buffer | string): string {
  const b64 = (typeof data === "string" ? Buffer.from(data, "utf8") : data).toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

/** A header value from untrusted text: one line, encoded words where it is not plain ASCII. */
function textValue(value: string): string {
  const oneLine = value.replace(/\r\n|[\r\n\u2028\u2029]/g, " ");
  return isPlainText(oneLine) ? oneLine : encodeWords(oneLine, "B", 52);
}

function asciiValue(name: string, value: string): string {
  if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name) || /[^\x20-\x7e]/.test(value)) throw new Error(`header ${JSON.stringify(name)} must be ASCII on one line`);
  return value;
}

/** `Name <a@b>` with the name encoded or quoted as needed; a bare address stays bare. */
export function formatAddress(value: string): { header: string; address: string } {
  const [parsed] = addressparser(value) as { name: string; address?: string }[];
  const address = parsed?.address;
  if (!address || /[\s<>"\r\n]/.test(address)) throw new Error(`not an email address: ${JSON.stringify(value)}`);
  const name = parsed.name?.replace(/[\r\n]+/g, " ").trim();
  if (!name) return { header: address, address };
  const shown = isPlainText(name) ? (/^[\w !#$%&'*+\-/=?^`{|}~]*$/.test(name) ? name : `"${name.replace(/[\\"]/g, "\\$&")}"`) : encodeWords(name, "B", 52);
  return { header: `${shown} <${address}>`, address };
}

function header(name: string, value: string): string {
  return foldLines(`${name}: ${value}`, 76);
}

function part(contentType: string, body: Buffer | string, extra: string[] = []): string {
  return [`Content-Type: ${contentType}`, "Content-Transfer-Encoding: base64", ...extra, "", base64Lines(body)].join(CRLF);
}

// Every part is base64, whose alphabet has no "_" and whose lines never start with "--", so a
// fixed boundary can never occur in a body: no random bytes per message (a syscall each).
function multipart(subtype: "alternative" | "mixed", parts: string[]): { contentType: string; body: string } {
  const boundary = `_dm_${subtype}_`;
  const body = parts.map((p) => `--${boundary}${CRLF}${p}`).join(CRLF) + `${CRLF}--${boundary}--${CRLF}`;
  return { contentType: `multipart/${subtype}; boundary="${boundary}"`, body };
}

/** The whole RFC 5322 message, ready for nodemailer's `raw`, and its SMTP envelope. */
export function buildMessage(msg: MimeMessage): { raw: string; envelope: { from: string; to: string }; messageId: string } {
  const from = formatAddress(msg.from);
  const to = formatAddress(msg.to);
  let content = multipart("alternative", [part("text/plain; charset=utf-8", msg.text), part("text/html; charset=utf-8", msg.html)]);
  const attachments = msg.attachments ?? [];
  if (attachments.length) {
    const inner = [`Content-Type: ${content.contentType}`, "", content.body].join(CRLF);
    content = multipart("mixed", [
      inner,
      ...attachments.map((a) =>
        part(asciiValue("Content-Type", a.contentType), a.content, [
          foldLines(`Content-Disposition: ${buildHeaderValue({ value: "attachment", params: { filename: a.filename } })}`, 76),
        ]),
      ),
    ]);
  }
  const extra = Object.entries(msg.headers ?? {}).map(([name, value]) => header(name, asciiValue(name, value)));
  const head = [
    header("From", from.header),
    header("To", to.header),
    header("Subject", textValue(msg.subject)),
    header("Message-ID", asciiValue("Message-ID", msg.messageId)),
    header("Date", (msg.date ?? new Date()).toUTCString().replace(/GMT$/, "+0000")),
    "MIME-Version: 1.0",
    ...extra,
    header("Content-Type", content.contentType),
  ];
  // messageId is for nodemailer, which would otherwise draw a random one for its own record.
  return { raw: head.join(CRLF) + CRLF + CRLF + content.body, envelope: { from: from.address, to: to.address }, messageId: msg.messageId };
}
