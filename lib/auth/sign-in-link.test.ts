import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { notifications } from "../../db/schema";
import { createUser, uniq } from "../testing/factories";
import { requestSignInLinkDef } from "./actions";

describe("sign-in links", () => {
  it("answers the same for unknown addresses and sends nothing", async () => {
    const email = `${uniq("ghost")}@test.local`;
    expect(await requestSignInLinkDef.run(null, { email })).toEqual({ ok: true, data: { sent: true } });
    expect(await getDb().select().from(notifications).where(eq(notifications.recipient, email))).toHaveLength(0);
  });

  it("keeps at most three live links per account", async () => {
    const user = await createUser({ role: "local" });
    for (let i = 0; i < 5; i++) expect(await requestSignInLinkDef.run(null, { email: user.email })).toMatchObject({ ok: true });
    expect(await getDb().select().from(notifications).where(eq(notifications.recipient, user.email))).toHaveLength(3);
  });
});
