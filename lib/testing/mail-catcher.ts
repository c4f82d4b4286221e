import { afterAll, beforeAll } from "vitest";
import { startMailCatcher, type MailCatcher } from "../mail/catcher";
import { closeTransport } from "../mail/transport";

/** A real SMTP catcher for the enclosing describe block, with SMTP_URL pointing at it; read it through the getter. */
export function useMailCatcher(): () => MailCatcher {
  let catcher: MailCatcher | undefined;
  beforeAll(async () => {
    catcher = await startMailCatcher();
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
  });
  afterAll(async () => {
    closeTransport();
    await catcher?.stop();
  });
  return () => catcher!;
}
