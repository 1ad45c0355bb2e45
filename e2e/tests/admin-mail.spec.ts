// An admin invites a consultant; the worker (running beside the portals) delivers the invitation
// into the dev mailbox, where the admin finds it on /admin/mail and opens it: the plain text holds
// the "Accept the invitation" link, the HTML version is shown in a sandboxed frame.
import { expect, test } from "@playwright/test";
import { portals, stateFile } from "./accounts";

test.use({ storageState: stateFile("admin@northwind.test") });

test("an invitation email arrives in the dev mailbox and opens", async ({ page }) => {
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const name = `Mara Mailed ${run}`;
  const email = `mara.${run}@northwind.test`;

  // Inviting queues the invitation email.
  await page.goto(`${portals.consultant.url}/admin/users`);
  await page.getByRole("button", { name: "Invite someone" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("heading", { name: `Invitation ready for ${name}` })).toBeVisible();

  // The Email page, from the admin navigation.
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: /^Email/ })
    .click();
  await expect(page).toHaveURL(`${portals.consultant.url}/admin/mail`);
  await expect(page.getByRole("heading", { name: "Email", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delivery" })).toBeVisible();

  // The worker delivers in the background: reload until the message is listed.
  const row = page.getByRole("row", { name: new RegExp(email.replaceAll(".", "\\.")) });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000, intervals: [1_000, 2_000] });
  await expect(row.getByText("Dev mailbox")).toBeVisible();
  const subject = row.getByRole("link", { name: /^Join / });
  await expect(subject).toBeVisible();

  // Opening it: the plain text carries the acceptance link, the HTML version sits in a sandbox.
  await subject.click();
  await expect(page).toHaveURL(new RegExp(`${portals.consultant.url}/admin/mail/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 1, name: /^Join / })).toBeVisible();
  await expect(page.getByText(`${name} <${email}>`)).toBeVisible();
  await expect(page.getByTestId("mail-text")).toContainText("Accept the invitation");
  await expect(page.getByTestId("mail-text")).toContainText(
    `${portals.consultant.url}/invitation/`,
  );
  const frame = page.locator('iframe[title="HTML version"]');
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(
    page
      .frameLocator('iframe[title="HTML version"]')
      .getByRole("link", { name: "Accept the invitation" }),
  ).toBeVisible();
});
