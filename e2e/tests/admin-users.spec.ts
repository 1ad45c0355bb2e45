// An admin invites a consultant; the invitation is accepted in another browser (no session there),
// where the new consultant chooses a password, lands signed in, and signs in again later; the admin
// disables them and the consultant's next page load is the sign-in page.
import { expect, test } from "@playwright/test";
import { portals, stateFile } from "./accounts";
import { expectSignedIn, signIn } from "./helpers";

test.use({ storageState: stateFile("admin@northwind.test") });

test("invite, accept in another browser, sign in, then disabled at the next request", async ({
  page,
  browser,
}) => {
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const name = `Ines Invited ${run}`;
  const email = `ines.${run}@northwind.test`;
  const password = `a long new password ${run}`;

  // The admin invites a consultant and copies the one-time link.
  await page.goto(`${portals.consultant.url}/admin/users`);
  await page.getByRole("button", { name: "Invite someone" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await expect(page.getByLabel("Invite as")).toHaveValue("consultant");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("heading", { name: `Invitation ready for ${name}` })).toBeVisible();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(new RegExp(`^${portals.consultant.url}/invitation/[A-Za-z0-9_-]{43}$`));
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("Invited", { exact: true })).toBeVisible();

  // Someone else's browser: no cookies, only the link.
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const invitee = await other.newPage();
  await invitee.goto(link);
  await expect(
    invitee.getByRole("heading", { name: `Join Northwind Talent as ${name}` }),
  ).toBeVisible();
  await expect(invitee.getByLabel("Email")).toHaveValue(email);
  // A mistake first: the form says what is wrong and keeps what was typed.
  await invitee.getByLabel("Password", { exact: true }).fill("too short");
  await invitee.getByLabel("Confirm password").fill("too short");
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee.getByText("Password must be at least 12 characters")).toBeVisible();
  await invitee.getByLabel("Password", { exact: true }).fill(password);
  await invitee.getByLabel("Confirm password").fill(password);
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee).toHaveURL(`${portals.consultant.url}/`);
  await expectSignedIn(invitee, name, "Northwind Talent");

  // The link was single use.
  await invitee.goto(link);
  await expect(
    invitee.getByRole("heading", { name: "This invitation has already been used" }),
  ).toBeVisible();

  // Signing out and in again with the chosen password works like any account.
  await invitee.goto(`${portals.consultant.url}/`);
  await invitee.getByRole("button", { name: "Sign out" }).click();
  await expect(invitee).toHaveURL(/\/sign-in/);
  await signIn(invitee, "consultant", email, password);
  await expectSignedIn(invitee, name, "Northwind Talent");

  // The admin sees them active and disables them.
  await page.reload();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: `Disable ${name}` }).click();
  await page.getByRole("button", { name: "Disable account" }).click();
  await expect(page.getByText(/Account disabled/)).toBeVisible();
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();

  // Their session is over at their next request.
  await invitee.goto(`${portals.consultant.url}/candidates`);
  await expect(invitee).toHaveURL(/\/sign-in/);
  await other.close();
});
