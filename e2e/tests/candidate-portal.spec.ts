// The candidate's side: rate points, ask a question the consultant then sees, acknowledge, and turn
// a gap into a goal with steps and progress.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { portals, stateFile } from "./accounts";

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(email) });
  return context.newPage();
}

test("a candidate responds to feedback and turns a gap into a goal", async ({ browser }) => {
  const page = await pageAs(browser, "candidate2@northwind.test");
  await page.goto(`${portals.candidate.url}/`);
  await page.getByTestId("inbox-row").first().click();
  await expect(page).toHaveURL(/\/feedback\/[0-9a-f-]{36}$/);

  await page.getByRole("button", { name: "Yes" }).first().click();
  await expect(page.getByText("Thanks, glad it helped")).toBeVisible();

  const question = `Could you say more about the second point? (${Date.now().toString(36)})`;
  await page.getByLabel("Your question").fill(question);
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page.getByRole("list", { name: "Conversation" })).toContainText(question);

  // Demo feedback may already be acknowledged; either way it ends acknowledged, once.
  const acknowledge = page.getByRole("button", { name: "Acknowledge" });
  if (await acknowledge.isVisible()) await acknowledge.click();
  await expect(page.getByText(/Acknowledged on/)).toBeVisible();
  await expect(acknowledge).toHaveCount(0);

  await page.getByRole("button", { name: "Make this a goal" }).first().click();
  const goalForm = page.getByRole("form", { name: "New goal" });
  const title = await goalForm.getByLabel("What I will do").inputValue();
  expect(title.length).toBeGreaterThan(0);
  await goalForm.getByRole("button", { name: "Add to my action plan" }).click();
  await expect(page.getByText("See it in your action plans")).toBeVisible();

  await page.goto(`${portals.candidate.url}/plans`);
  // Two steps, one ticked off: half way there.
  const stamp = Date.now().toString(36);
  const steps = [`Draft three STAR stories (${stamp})`, `Practise them aloud twice (${stamp})`];
  const addStep = page.getByRole("form", { name: `Add a step to “${title}”` }).first();
  for (const step of steps) {
    await addStep.getByLabel("New step").fill(step);
    await addStep.getByRole("button", { name: "Add step" }).click();
    await expect(page.getByRole("checkbox", { name: step })).toBeVisible();
  }
  // The box follows the saved state, so click and wait for the server to confirm.
  await page.getByRole("checkbox", { name: steps[0] }).click();
  await expect(page.getByRole("checkbox", { name: steps[0] })).toBeChecked();
  await expect(
    page.getByRole("progressbar", { name: `Progress on “${title}”` }).first(),
  ).toHaveAttribute("aria-valuenow", "50");

  // A win in the journal.
  const win = `Got a second interview at Aurora (${stamp})`;
  await page.goto(`${portals.candidate.url}/journal`);
  await page.getByRole("button", { name: "New entry" }).click();
  const entry = page.getByRole("form", { name: "New journal entry" });
  await entry.getByLabel("Kind").selectOption("win");
  await entry.getByLabel("Title").fill(win);
  await entry
    .getByLabel("Your notes")
    .fill("The STAR practice paid off: two-minute answers landed.");
  await entry.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByText(win)).toBeVisible();

  // The preparation page, and the export of everything the agency holds about me.
  await page.goto(`${portals.candidate.url}/prepare`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const download = await page.request.get(`${portals.candidate.url}/api/my-data`);
  expect(download.ok()).toBe(true);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  const exported = await download.text();
  expect(exported).toContain(steps[0]);
  expect(exported).toContain(win);
  expect(exported).not.toContain("Jordan Lee");

  // The owning consultant sees the question waiting on the dashboard.
  const tom = await pageAs(browser, "consultant2@northwind.test");
  await tom.goto(`${portals.consultant.url}/`);
  await expect(tom.getByRole("region", { name: "Questions from candidates" })).toContainText(
    "Sam Rivera",
  );
});
