// Every demo account signs in to its own portal and is refused by the other with the neutral message.
import { expect, test } from "@playwright/test";
import { accounts, NEUTRAL_ERROR, other, portals } from "./accounts";
import { signIn, signInError } from "./helpers";

for (const account of accounts) {
  test(`${account.email} is refused by the ${other(account.portal)} portal`, async ({ page }) => {
    await signIn(page, other(account.portal), account.email);
    await expect(signInError(page)).toHaveText(NEUTRAL_ERROR);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel("Email")).toHaveValue(account.email);
  });
}

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  await signIn(page, "consultant", "consultant@northwind.test", "not-the-password");
  await expect(signInError(page)).toHaveText(NEUTRAL_ERROR);
  await signIn(page, "consultant", "nobody@northwind.test");
  await expect(signInError(page)).toHaveText(NEUTRAL_ERROR);
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto(`${portals.consultant.url}/`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${portals.candidate.url}/`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign out ends the session at once: even a copy of its cookie is refused", async ({
  page,
}) => {
  // A session of its own (signing out revokes it, so not the shared saved ones).
  await signIn(page, "consultant", "consultant2@northwind.test");
  await expect(page).toHaveURL(`${portals.consultant.url}/`);
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${portals.consultant.url}/`);
  await expect(page).toHaveURL(/\/sign-in/);
  // Someone who kept the cookie puts it back: the session is gone all the same.
  await page.context().addCookies(copied);
  await page.goto(`${portals.consultant.url}/`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("health endpoints answer", async ({ request }) => {
  for (const portal of Object.values(portals)) {
    const res = await request.get(`${portal.url}/api/health`);
    expect(res.ok()).toBe(true);
    expect(await res.json()).toEqual({ status: "ok" });
  }
});
