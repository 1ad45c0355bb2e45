// The admin's audit log and data requests: filter the log by an action and page through it; a
// candidate of this test's own asks for erasure in their portal, the admin erases them from Data
// requests, their name is gone from the candidates list and their session stops working.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { portals, stateFile } from "./accounts";

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(email) });
  return context.newPage();
}

/**
 * A Northwind candidate with a login, made for this test alone (the shared demo accounts are
 * other specs' to use), the way an agency does it: the candidate record, then an invitation to
 * the same email, accepted in the candidate's own browser. Returns the candidate's page.
 */
async function makeCandidate(browser: Browser, admin: Page, name: string, email: string) {
  await admin.goto(`${portals.consultant.url}/candidates/new`);
  await admin.getByLabel("Full name").fill(name);
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Owner").selectOption({ index: 1 });
  await admin.getByRole("button", { name: "Add candidate" }).click();
  await expect(admin).toHaveURL(/\/candidates(\?|$)/);

  await admin.goto(`${portals.consultant.url}/admin/users`);
  await admin.getByRole("button", { name: "Invite someone" }).click();
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByLabel("Invite as").selectOption("candidate");
  await admin.getByRole("button", { name: "Send invitation" }).click();
  const link = await admin.getByLabel("Invitation link").inputValue();

  const candidate = await (await browser.newContext()).newPage();
  await candidate.goto(link);
  const password = `erasable-${Date.now()}`;
  await candidate.getByLabel("Password", { exact: true }).fill(password);
  await candidate.getByLabel("Confirm password").fill(password);
  await candidate.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(candidate).not.toHaveURL(/\/invitation\//);
  return candidate;
}

test("the admin filters the audit log by an action and pages through it", async ({ browser }) => {
  const admin = await pageAs(browser, "admin@northwind.test");
  // Two to a page, so the demo agency's sign-ins (every account signed in once) span pages.
  await admin.goto(`${portals.consultant.url}/admin/audit?size=2`);
  await expect(admin.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  await admin.getByLabel("Action").selectOption("auth.sign_in");
  await expect(admin).toHaveURL(/action=auth\.sign_in/);
  await expect(admin).toHaveURL(/size=2/);
  const rows = admin.getByTestId("list-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Signed in" })).toHaveCount(2);
  const firstPage = await rows.allInnerTexts();

  const pages = admin.getByRole("navigation", { name: "Pages of the audit log" });
  await pages.getByRole("link", { name: "Older →" }).click();
  await expect(admin).toHaveURL(/before=[0-9a-f-]{36}/);
  await expect(rows.first()).toContainText("Signed in");
  const secondPage = await rows.allInnerTexts();
  expect(secondPage.some((row) => firstPage.includes(row))).toBe(false);

  await pages.getByRole("link", { name: "← Newer" }).click();
  await expect(admin).toHaveURL(/after=[0-9a-f-]{36}/);
  await expect(rows).toHaveCount(2);
  expect(await rows.allInnerTexts()).toEqual(firstPage);

  // A date range that ends before it starts is ignored at its end, and says so.
  await admin.goto(
    `${portals.consultant.url}/admin/audit?action=auth.sign_in&from=2030-01-02&to=2030-01-01`,
  );
  await expect(admin.getByText("The end date was before the start date")).toBeVisible();
  await admin.context().close();
});

test("a candidate asks for erasure and the admin erases them", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const name = `Erin Erasable ${stamp}`;
  const email = `erin.${stamp}@erasure.test`;
  const admin = await pageAs(browser, "admin@northwind.test");
  const candidate = await makeCandidate(browser, admin, name, email);

  // The candidate asks, in their own browser.
  await candidate.goto(`${portals.candidate.url}/my-data`);
  await candidate.getByRole("button", { name: "Request erasure" }).click();
  await candidate.getByRole("button", { name: "Yes, request erasure" }).click();
  await expect(candidate.getByText("Your request has been sent")).toBeVisible();
  await expect(candidate.getByText(/You asked on/)).toBeVisible();

  // The admin finds it waiting and erases them, after typing the name.
  await admin.goto(`${portals.consultant.url}/admin/data-requests?status=pending`);
  const row = admin.getByTestId("list-row").filter({ hasText: name });
  await expect(row).toContainText("Erasure");
  await expect(row).toContainText("The candidate");
  await row.getByRole("button", { name: `Erase… ${name}'s data` }).click();
  const form = admin.getByRole("form", { name: `Erase ${name}'s data` });
  await form.getByLabel(`Type “${name}” to confirm`).fill("Someone else");
  await form.getByRole("button", { name: "Erase their data" }).click();
  await expect(form.getByText(/must be the candidate's name/)).toBeVisible();
  await form.getByLabel(`Type “${name}” to confirm`).fill(name);
  await form.getByRole("button", { name: "Erase their data" }).click();
  await expect(admin.getByText(`${name}'s data was erased`)).toBeVisible();

  // The history shows it done; the name is nowhere in the candidates list or its search.
  await admin.goto(`${portals.consultant.url}/admin/data-requests?status=completed&kind=erasure`);
  await expect(admin.getByTestId("list-row").first()).toContainText("Erased candidate");
  await admin.goto(`${portals.consultant.url}/candidates?q=${encodeURIComponent(name)}`);
  await expect(admin.getByText("No candidates match")).toBeVisible();
  await admin.goto(`${portals.consultant.url}/candidates`);
  await expect(admin.getByRole("heading", { level: 1, name: "Candidates" })).toBeVisible();
  await expect(admin.getByText(name)).toHaveCount(0);

  // Their session stops working on the next request.
  await candidate.goto(`${portals.candidate.url}/my-data`);
  await expect(candidate).toHaveURL(/sign-in/);
  await candidate.context().close();
  await admin.context().close();
});
