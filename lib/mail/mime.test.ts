import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { useMailCatcher } from "../testing/mail-catcher";
import { buildMessage, formatAddress } from "./mime";
import { sendMessage } from "./transport";

const base = {
  from: "Distributed Marketing <no-reply@dm.test>",
  to: "ann@entity.test",
  subject: "Hello",
  text: "Hi",
  html: "<p>Hi</p>",
  messageId: "<m1@dm.test>",
};

describe("buildMessage", () => {
  it("round-trips unicode, long lines, dots and markup through a MIME parser", async () => {
    const subject = "Bienvenue à l’été — 🎉 une très longue ligne d’objet qui dépasse largement soixante-seize caractères";
    const text = ".\r\n..leading dots\nline two\r\n" + "x".repeat(2000) + "\nÉté 🎉";
    const html = `<p>${"é".repeat(500)}</p><script>alert(1)</script>`;
    const built = buildMessage({ ...base, from: "Réseau Central <central@dm.test>", subject, text, html, headers: { "X-DM-Template": "t", "List-Unsubscribe": "<http://portal.test/u/abc>" } });
    for (const line of built.raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    const mail = await simpleParser(built.raw);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toBe(text.replace(/\r\n/g, "\n"));
    expect(mail.html).toBe(html);
    expect(mail.from?.value).toEqual([{ name: "Réseau Central", address: "central@dm.test" }]);
    expect(mail.messageId).toBe("<m1@dm.test>");
    expect(mail.headers.get("x-dm-template")).toBe("t");
    expect(mail.headers.get("list")).toMatchObject({ unsubscribe: { url: "http://portal.test/u/abc" } });
    expect(mail.date).toBeInstanceOf(Date);
    expect(built.envelope).toEqual({ from: "central@dm.test", to: "ann@entity.test" });
    // Bodies that look like boundaries stay inside their part.
    const tricky = await simpleParser(buildMessage({ ...base, text: "--_dm_alternative_\n--_dm_alternative_--", html: "<p>--_dm_mixed_--</p>" }).raw);
    expect(tricky.text).toBe("--_dm_alternative_\n--_dm_alternative_--");
    expect(tricky.html).toBe("<p>--_dm_mixed_--</p>");
  });

  it("keeps a subject with line breaks on one header: no header can be injected", async () => {
    const mail = await simpleParser(buildMessage({ ...base, subject: "Offer\r\nBcc: victim@evil.test\r\n\r\nbody" }).raw);
    expect(mail.bcc).toBeUndefined();
    expect(mail.subject).toBe("Offer Bcc: victim@evil.test  body");
    expect(mail.text).toBe("Hi");
  });

  it("refuses extra headers and recipients that would break the message", () => {
    expect(() => buildMessage({ ...base, headers: { "X-A": "one\r\nBcc: x@evil.test" } })).toThrow(/ASCII on one line/);
    expect(() => buildMessage({ ...base, headers: { "X A": "v" } })).toThrow(/ASCII on one line/);
    expect(() => buildMessage({ ...base, to: "not an address" })).toThrow(/not an email address/);
    expect(formatAddress('"Smith, Ann" <ann@x.test>').header).toBe('"Smith, Ann" <ann@x.test>');
    // A dot is not an atom character: such a name is quoted.
    expect(formatAddress("J. Smith <j@x.test>").header).toBe('"J. Smith" <j@x.test>');
  });

  it("attaches files with their names and exact bytes", async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13, 46]);
    const built = buildMessage({
      ...base,
      attachments: [
        { filename: "Résumé de l’été.csv", content: "a;b\r\n1;é\r\n", contentType: "text/csv; charset=utf-8" },
        { filename: "raw.bin", content: bytes, contentType: "application/octet-stream" },
      ],
    });
    const mail = await simpleParser(built.raw);
    expect(mail.text).toBe("Hi");
    expect(mail.html).toBe("<p>Hi</p>");
    expect(mail.attachments.map((a) => a.filename)).toEqual(["Résumé de l’été.csv", "raw.bin"]);
    expect(mail.attachments[0]!.content.toString("utf8")).toBe("a;b\r\n1;é\r\n");
    expect(Buffer.compare(mail.attachments[1]!.content, bytes)).toBe(0);
  });
});

describe("sendMessage", () => {
  const catcher = useMailCatcher();

  it("delivers through a real SMTP server to the envelope's recipient", async () => {
    await sendMessage({ ...base, to: "Bob Réseau <bob@entity.test>", subject: "Été", text: ".\n.", messageId: "<m2@dm.test>" });
    const [msg] = catcher().messages().filter((m) => m.messageId === "<m2@dm.test>");
    expect(msg).toMatchObject({ to: ["bob@entity.test"], subject: "Été", text: ".\n." });
  });

  it("rejects, rather than throws, a message that cannot be built", async () => {
    const pending = sendMessage({ ...base, to: "nobody" });
    await expect(pending).rejects.toThrow(/not an email address/);
  });
});
