// Signs in once per account through the UI and keeps the session for the other tests.
import { test as setup } from "@playwright/test";
import { accounts, stateFile } from "./accounts";
import { expectSignedIn, signIn } from "./helpers";

for (const account of accounts) {
  setup(`sign in ${account.email}`, async ({ page }) => {
    await signIn(page, account.portal, account.email);
    await expectSignedIn(page, account.name, account.agency);
    await page.context().storageState({ path: stateFile(account.email) });
  });
}
