import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { escapeHtml } from "../notifications/templates";
import { catcherPage } from "./catcher-page";

export type CaughtMessage = {
  id: number;
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; size: number }[];
  receivedAt: string;
};

export type MailCatcher = {
  smtpPort: number;
  httpPort: number;
  messages: () => CaughtMessage[];
  clear: () => void;
  stop: () => Promise<void>;
};

/**
 * A real SMTP server that keeps what it receives in memory and shows it over HTTP.
 * `npm start` runs it when no SMTP_URL is configured; the tests start their own to read mail.
 */
export async function startMailCatcher(opts: { smtpPort?: number; httpPort?: number; host?: string } = {}): Promise<MailCatcher> {
  const host = opts.host ?? "127.0.0.1";
  let messages: CaughtMessage[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            id: nextId++,
            messageId: mail.messageId ?? "",
            from: mail.from?.text ?? "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            attachments: mail.attachments.map((a) => ({ filename: a.filename ?? "", size: a.size })),
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(opts.smtpPort ?? 0, host, () => resolve());
  });

  const web = http.createServer((req, res) => {
    // Only this machine's own addresses: a web page elsewhere must not read the links in here
    // (DNS rebinding) or clear the inbox.
    const hostname = (req.headers.host ?? "").replace(/:\d+$/, "");
    if (!["localhost", "127.0.0.1", "[::1]"].includes(hostname)) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    const url = new URL(req.url ?? "/", "http://catcher");
    if (url.pathname === "/api/messages") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(messages));
      return;
    }
    if (url.pathname === "/api/clear" && req.method === "POST" && req.headers["x-catcher"] === "clear") {
      messages = [];
      res.writeHead(204).end();
      return;
    }
    const raw = url.pathname.match(/^\/messages\/(\d+)\/html$/);
    if (raw) {
      const m = messages.find((x) => x.id === Number(raw[1]));
      // Shown inside a sandboxed iframe: no script in a caught email can run.
      res.writeHead(m ? 200 : 404, { "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'none'" });
      res.end(m ? m.html || `<pre>${escapeHtml(m.text)}</pre>` : "Not found");
      return;
    }
    const selected = Number(url.searchParams.get("id") ?? 0);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(catcherPage([...messages].reverse(), selected));
  });
  await new Promise<void>((resolve, reject) => {
    web.once("error", reject);
    web.listen(opts.httpPort ?? 0, host, () => resolve());
  });

  return {
    smtpPort: (smtp.server.address() as AddressInfo).port,
    httpPort: (web.address() as AddressInfo).port,
    messages: () => messages,
    clear: () => {
      messages = [];
    },
    stop: async () => {
      web.closeAllConnections();
      await Promise.all([
        new Promise<void>((r) => web.close(() => r())),
        new Promise<void>((r) => smtp.close(() => r())),
      ]);
    },
  };
}
