// Feedback beyond the first draft: templates, quality and fairness checks, approval by a second
// person, and two consultants editing the same feedback.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { portals, stateFile } from "./accounts";

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(email) });
  return context.newPage();
}

/** The first owed interview of the given candidate on the consultant's dashboard. */
async function openOwed(page: Page, candidate: string, filter: RegExp) {
  await page.goto(`${portals.consultant.url}/`);
  const row = page
    .getByTestId("owed-row")
    .filter({ hasText: candidate })
    .filter({ hasText: filter })
    .first();
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: `Feedback for ${candidate}` })).toBeVisible();
}

test("recording a rejection puts the interview in the feedback queue", async ({ browser }) => {
  const page = await pageAs(browser, "admin@northwind.test");
  await page.goto(`${portals.consultant.url}/interviews?outcome=pending`);
  await page.getByRole("button", { name: "Record outcome" }).first().click();
  const form = page.getByRole("form", { name: /Outcome of .*'s interview/ });
  const candidate = ((await form.getAttribute("aria-label")) ?? "").replace(
    /^Outcome of (.*)'s interview$/,
    "$1",
  );
  await form.getByLabel("Outcome").selectOption("rejected");
  await form.getByRole("button", { name: "Save outcome" }).click();
  await expect(page.getByText(/Added to .* feedback queue/)).toBeVisible();

  // An admin's dashboard shows the whole agency's queue, the new rejection with its full SLA.
  await page.goto(`${portals.consultant.url}/`);
  const owed = page
    .getByTestId("owed-row")
    .filter({ hasText: candidate })
    .filter({ hasText: "Rejected 0h ago" });
  await expect(owed.first()).toBeVisible();
});

test("from a template, with quality checks and a fairness warning, to published", async ({
  browser,
}) => {
  const page = await pageAs(browser, "consultant@northwind.test");
  await openOwed(page, "Jordan Lee", /Overdue/);

  await page
    .getByLabel("Start from a template")
    .selectOption({ label: "Software engineer (6 points)" });
  await page.getByRole("button", { name: "Add its points" }).click();
  await expect(page.getByTestId("feedback-item")).toHaveCount(6);

  // The template's placeholders are vague until replaced: the checks say so.
  await expect(page.getByTestId("quality-issues")).toBeVisible();

  const details = page.getByLabel("Detail");
  const specifics = [
    "Your answer on the payments outage showed real command of idempotent retries.",
    "In the technical exercise, pagination was missing and there were no tests.",
    "The successful candidate had run Kafka in production for three years.",
    "You explained your reasoning out loud, which helped the panel follow the design.",
    "When asked about the migration, the answer took six minutes before reaching the outcome.",
    "Your example of the onboarding redesign described what you did but not the result.",
  ];
  for (const [i, text] of specifics.entries()) await details.nth(i).fill(text);
  const nextSteps = page.getByLabel("Suggested next step", { exact: true });
  await expect(nextSteps).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    await nextSteps
      .nth(i)
      .fill("Build a paginated API with tests first, and time yourself: 45 minutes.");
  }
  await page.getByLabel("Summary").fill("Thank you for your time; the panel enjoyed meeting you.");

  // A protected characteristic: flagged with the phrase highlighted.
  await details.nth(3).fill("You explained your reasoning out loud; a good fit for a young team.");
  const warnings = page.getByTestId("fairness-warnings");
  await expect(warnings).toBeVisible();
  await expect(warnings.locator("mark")).toContainText(/young/i);

  // Publishing with the warning unresolved asks for a recorded reason.
  await page.getByRole("button", { name: "Publish to candidate" }).click();
  await expect(page.getByLabel("Reason for publishing despite the fairness warning")).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();

  // Reworded instead: the warning goes away and publishing goes straight through.
  await details.nth(3).fill(specifics[3] ?? "");
  await expect(warnings).toHaveCount(0);
  await page.getByRole("button", { name: "Preview as candidate" }).click();
  await expect(page.getByText(specifics[0] ?? "")).toBeVisible();
  await page.getByRole("button", { name: "Back to editing" }).click();
  await page.getByRole("button", { name: "Publish to candidate" }).click();
  await expect(page.getByText("Feedback published to Jordan Lee")).toBeVisible();
});

test("a second consultant's save conflicts visibly and nothing typed is lost", async ({
  browser,
}) => {
  const tom = await pageAs(browser, "consultant2@northwind.test");
  await openOwed(tom, "Sam Rivera", /Overdue/);
  const editorUrl = tom.url();
  await tom.getByLabel("Summary").fill("Tom's first words.");
  await tom.getByRole("button", { name: "Save draft" }).click();
  await expect(tom.getByTestId("save-state")).toContainText("Saved");

  const priya = await pageAs(browser, "consultant@northwind.test");
  await priya.goto(editorUrl);
  await expect(priya.getByLabel("Summary")).toHaveValue("Tom's first words.");
  await priya.getByLabel("Summary").fill("Priya's rewrite.");
  await priya.getByRole("button", { name: "Save draft" }).click();
  await expect(priya.getByTestId("save-state")).toContainText("Saved");

  await tom.getByLabel("Summary").fill("Tom's second thoughts.");
  await tom.getByRole("button", { name: "Save draft" }).click();
  const alert = tom.getByRole("alert").filter({ hasText: "Someone else changed this feedback" });
  await expect(alert).toContainText("Priya Shah");
  await tom.getByRole("button", { name: "Load their version (keep my text)" }).click();
  await expect(tom.getByLabel("Summary")).toHaveValue("Priya's rewrite.");
  await expect(tom.getByTestId("stashed-text")).toContainText("Tom's second thoughts.");
});

test("where approval is required, a second person approves before the candidate sees it", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin@globex.test");
  await admin.goto(`${portals.consultant.url}/`);
  const waiting = admin.getByRole("region", { name: "Awaiting my approval" });
  await waiting.getByRole("link").first().click();
  await expect(admin.getByText("awaiting approval")).toBeVisible();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Feedback for Casey Nguyen");
  const role = (await admin.locator("main h1 + p").textContent())?.split(" · ")[0] ?? "";
  await admin.getByRole("button", { name: "Approve and publish" }).click();
  await expect(admin.getByText(/Approved and published/)).toBeVisible();

  const candidate = await pageAs(browser, "candidate@globex.test");
  await candidate.goto(`${portals.candidate.url}/`);
  const row = candidate
    .getByTestId("inbox-row")
    .filter({ hasText: role })
    .filter({ hasText: "New" });
  await expect(row.first()).toBeVisible();

  // The author cannot approve their own: they see it waiting instead.
  const author = await pageAs(browser, "consultant@globex.test");
  await author.goto(`${portals.consultant.url}/`);
  await expect(
    author.getByRole("region", { name: "Awaiting my approval" }).getByRole("link"),
  ).toHaveCount(0);
});
