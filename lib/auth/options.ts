import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/auth/schemas";
import { consumeActionToken } from "@/lib/links/tokens";

async function activeUser(id: string) {
  const user = await getDb().query.users.findFirst({ where: eq(users.id, id) });
  return user && !user.disabledAt ? { id: user.id, email: user.email, name: user.name } : null;
}

export const authOptions: NextAuthOptions = {
  // Credentials sign-in in next-auth v4 requires JWT sessions; the actor is re-read per request.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await getDb().query.users.findFirst({ where: eq(users.email, parsed.data.email) });
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
        return ok && user ? activeUser(user.id) : null;
      },
    }),
    CredentialsProvider({
      // The emailed one-time link: the token is spent here, atomically, at most once.
      id: "email-link",
      name: "Sign-in link",
      credentials: { token: { type: "text" } },
      async authorize(raw) {
        const token = typeof raw?.token === "string" ? raw.token : "";
        const row = await consumeActionToken(getDb(), token, "sign_in");
        return row?.userId ? activeUser(row.userId) : null;
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
