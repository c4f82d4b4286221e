import { test as setup } from "@playwright/test";
import { demo, signIn, storage } from "./harness/sign-in";

// Signs each demo role in once through the real form and stores the session for the specs.
for (const who of ["admin", "central", "paris", "regional"] as const) {
  setup(`sign in as ${who}`, async ({ page }) => {
    await signIn(page, demo[who]);
    await page.context().storageState({ path: storage(who) });
  });
}
