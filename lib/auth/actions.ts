import { defineAction } from "@/lib/actions";
import { newPasswordSchema, signInLinkSchema } from "@/lib/auth/schemas";
import { requestSignInLink } from "@/lib/auth/sign-in-link";
import { acceptInvitation } from "@/lib/operators/invite";

export const requestSignInLinkDef = defineAction({
  name: "requestSignInLink",
  access: "public",
  schema: signInLinkSchema,
  handler: async ({ db }, { email }) => {
    await db.transaction((tx) => requestSignInLink(tx, email));
    return { sent: true };
  },
});

export const acceptInvitationDef = defineAction({
  name: "acceptInvitation",
  access: "public",
  schema: newPasswordSchema,
  handler: async ({ db }, input) => db.transaction((tx) => acceptInvitation(tx, input)),
});
