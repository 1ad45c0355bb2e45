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

  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText(/Acknowledged on/)).toBeVisible();

  await page.getByRole("button", { name: "Make this a goal" }).first().click();
  const goalForm = page.getByRole("form", { name: "New goal" });
  const title = await goalForm.getByLabel("What I will do").inputValue();
  expect(title.length).toBeGreaterThan(0);
  await goalForm.getByRole("button", { name: "Add to my action plan" }).click();
  await expect(page.getByText("See it in your action plans")).toBeVisible();

  await page.goto(`${portals.candidate.url}/plans`);
  const step = `Draft three STAR stories (${Date.now().toString(36)})`;
  const addStep = page.getByRole("form", { name: `Add a step to “${title}”` }).first();
  await addStep.getByLabel("New step").fill(step);
  await addStep.getByRole("button", { name: "Add step" }).click();
  await page.getByRole("checkbox", { name: step }).check();
  await expect(
    page.getByRole("progressbar", { name: `Progress on “${title}”` }).first(),
  ).not.toHaveAttribute("aria-valuenow", "0");

  // The owning consultant sees the question waiting on the dashboard.
  const tom = await pageAs(browser, "consultant2@northwind.test");
  await tom.goto(`${portals.consultant.url}/`);
  await expect(tom.getByRole("region", { name: "Questions from candidates" })).toContainText(
    "Sam Rivera",
  );
});
