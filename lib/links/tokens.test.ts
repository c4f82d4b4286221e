import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { actionTokens } from "../../db/schema";
import { consumeActionToken, createActionToken, inspectActionToken } from "./tokens";

describe("one-time action tokens", () => {
  it("stores only a hash and can be used exactly once", async () => {
    const db = getDb();
    const { id, token } = await createActionToken(db, { purpose: "sign_in", email: "t@test.local" });
    const row = await db.query.actionTokens.findFirst({ where: eq(actionTokens.id, id) });
    expect(row!.tokenHash).not.toContain(token);
    expect((await inspectActionToken(db, token)).state).toBe("valid");
    expect(await consumeActionToken(db, token, "sign_in")).not.toBeNull();
    expect(await consumeActionToken(db, token, "sign_in")).toBeNull();
    expect((await inspectActionToken(db, token)).state).toBe("used");
  });

  it("refuses a tampered, a foreign-purpose and an expired token", async () => {
    const db = getDb();
    const { id, token } = await createActionToken(db, { purpose: "invitation", email: "t@test.local" });
    const tampered = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    expect((await inspectActionToken(db, tampered)).state).toBe("unknown");
    expect(await consumeActionToken(db, tampered, "invitation")).toBeNull();
    expect(await consumeActionToken(db, token, "sign_in")).toBeNull();
    await db.update(actionTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(actionTokens.id, id));
    expect((await inspectActionToken(db, token)).state).toBe("expired");
    expect(await consumeActionToken(db, token, "invitation")).toBeNull();
  });

  it("refuses the token with any one byte changed, and 1,000 guesses; the real one still works", async () => {
    const db = getDb();
    const { token } = await createActionToken(db, { purpose: "order_review", email: "t@test.local" });
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const tampered = [...token].map((ch, i) => `${token.slice(0, i)}${alphabet[(alphabet.indexOf(ch) + 1) % alphabet.length]}${token.slice(i + 1)}`);
    // Guesses: random tokens of the same shape, the token cut short or extended, and empty.
    const guesses = [
      ...Array.from({ length: 995 }, () => randomBytes(32).toString("base64url")),
      token.slice(0, -1),
      `${token}A`,
      token.slice(0, 22),
      token.toUpperCase(),
      "",
    ];
    const attempts = [...tampered, ...guesses];
    expect(attempts.length).toBe(token.length + 1_000);
    let accepted = 0;
    for (const t of attempts) {
      if ((await inspectActionToken(db, t)).state !== "unknown") accepted++;
      if (await consumeActionToken(db, t, "order_review")) accepted++;
    }
    expect(accepted).toBe(0);
    expect(await consumeActionToken(db, token, "order_review")).not.toBeNull();
  });

  it("lets exactly one of many concurrent uses through", async () => {
    const db = getDb();
    const { token } = await createActionToken(db, { purpose: "sign_in", email: "t@test.local" });
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeActionToken(db, token, "sign_in")));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
