// A candidate turns one kind of email off and on again from Settings, on a phone-sized screen (the
// navigation scrolls sideways there; the page itself must not). The preference ends as it began,
// so specs that run alongside see every email on.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { portals, stateFile } from "./accounts";
import { expectSignedIn } from "./helpers";

const PHONE = { width: 390, height: 844 };

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(email), viewport: PHONE });
  return context.newPage();
}

test("a candidate turns the “Feedback updated” email off, and it stays off until turned on", async ({
  browser,
}) => {
  const page = await pageAs(browser, "candidate2@northwind.test");
  await page.goto(`${portals.candidate.url}/`);
  await expectSignedIn(page, "Sam Rivera", "Northwind Talent");

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Settings" })
    .click();
  await expect(page).toHaveURL(`${portals.candidate.url}/settings`);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Email notifications" })).toBeVisible();
  await expect(
    page.getByText("We always show these in Debrief. Choose which ones we also email to you."),
  ).toBeVisible();
  // Nothing wider than the phone: only the navigation scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );

  const updated = page.getByRole("switch", { name: "Feedback updated", exact: true });
  const saved = page.getByText("Saved", { exact: true });
  // A run that failed half way may have left it off: start from on.
  if (!(await updated.isChecked())) {
    await updated.click();
    await expect(saved).toBeVisible();
    await page.reload();
  }
  await expect(updated).toBeChecked();
  await expect(page.getByRole("switch", { name: "New feedback", exact: true })).toBeChecked();

  await updated.click();
  await expect(updated).not.toBeChecked();
  await expect(saved).toBeVisible();

  await page.reload();
  await expect(updated).not.toBeChecked();
  // The others are untouched.
  await expect(page.getByRole("switch", { name: "New feedback", exact: true })).toBeChecked();

  await updated.click();
  await expect(updated).toBeChecked();
  await expect(saved).toBeVisible();
  await page.reload();
  await expect(updated).toBeChecked();
});
