// The walking skeleton's slice: a consultant writes and publishes feedback; the candidate reads it;
// another candidate and the other agency's users cannot.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { portals, stateFile } from "./accounts";

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(email) });
  return context.newPage();
}

test("consultant publishes feedback that only its candidate can read", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const strength = `Clear walkthrough of the churn model, with the numbers behind it (${stamp}).`;
  const gap = `Answers ran long; the panel lost the thread before the result (${stamp}).`;

  // The candidate is on their inbox with nothing unread.
  const candidate = await pageAs(browser, "candidate@northwind.test");
  await candidate.goto(`${portals.candidate.url}/`);
  const bell = candidate.getByTestId("notification-bell");
  if (await candidate.getByTestId("notification-count").isVisible()) {
    await bell.click();
    await candidate.getByRole("button", { name: "Mark all read" }).click();
    await expect(candidate.getByTestId("notification-count")).toHaveCount(0);
    await candidate.keyboard.press("Escape");
  }

  // The consultant picks the interview still inside its SLA and writes feedback.
  const consultant = await pageAs(browser, "consultant@northwind.test");
  await consultant.goto(`${portals.consultant.url}/`);
  const row = consultant
    .getByTestId("owed-row")
    .filter({ hasText: "Jordan Lee" })
    .filter({ hasText: "left" });
  await row.getByRole("link", { name: /Write feedback/ }).click();
  await expect(consultant.getByRole("heading", { name: "Feedback for Jordan Lee" })).toBeVisible();
  const interviewUrl = consultant.url();

  await consultant.getByLabel("Summary").fill("Thank you for your time; it was close.");
  const skills = consultant.getByTestId("lens-skills_experience");
  await skills.getByRole("button", { name: "+ Strength" }).click();
  await skills.getByLabel("Competency").selectOption({ label: "Problem solving" });
  await skills.getByLabel("Detail").fill(strength);

  const style = consultant.getByTestId("lens-interview_style");
  await style.getByRole("button", { name: "+ Gap" }).click();
  await style.getByLabel("Competency").selectOption({ label: "Communication" });
  await style.getByLabel("Reason").selectOption({ label: "Answers lacked structure" });
  await style.getByLabel("Detail").fill(gap);

  // Publishing a gap without a next step is refused, naming what is missing.
  await consultant.getByRole("button", { name: "Publish to candidate" }).click();
  await expect(style.getByText(/A gap needs a suggested next step/)).toBeVisible();
  await style
    .getByLabel("Suggested next step")
    .fill("Practise two-minute STAR answers and record them.");

  await consultant.getByRole("button", { name: "Preview as candidate" }).click();
  await expect(consultant.getByText("Exactly what Jordan Lee will see")).toBeVisible();
  await expect(consultant.getByText(strength)).toBeVisible();
  await consultant.getByRole("button", { name: "Back to editing" }).click();

  await consultant.getByRole("button", { name: "Publish to candidate" }).click();
  await expect(consultant.getByText("Feedback published to Jordan Lee")).toBeVisible();
  await expect(consultant).toHaveURL(`${portals.consultant.url}/`);

  // Without a reload, within a few seconds, the candidate's bell shows 1 and the notice tops its list.
  await expect(candidate.getByTestId("notification-count")).toHaveText("1", { timeout: 10_000 });
  await expect(bell).toHaveAttribute("aria-label", "Notifications, 1 unread");
  await bell.click();
  await expect(
    candidate
      .getByTestId("notification")
      .filter({ hasText: "Feedback on your Data Analyst interview" })
      .first(),
  ).toBeVisible();
  await candidate.keyboard.press("Escape");
  await candidate.reload();
  // The candidate sees it, unread, opens it, and reads every point with its next step.
  const entry = candidate
    .getByTestId("inbox-row")
    .filter({ hasText: "Data Analyst at Helix Health" })
    .first();
  await expect(entry.getByText("New")).toBeVisible();
  await entry.click();
  await expect(candidate.getByText(strength)).toBeVisible();
  await expect(candidate.getByText(gap)).toBeVisible();
  await expect(
    candidate.getByText("Practise two-minute STAR answers and record them."),
  ).toBeVisible();
  const feedbackUrl = candidate.url();
  expect(feedbackUrl).toMatch(/\/feedback\/[0-9a-f-]{36}$/);
  const feedbackPath = new URL(feedbackUrl).pathname;

  // The worker emailed it too: with no SMTP_URL it sits in the dev mailbox, linking to the page.
  const admin = await pageAs(browser, "admin@northwind.test");
  await admin.goto(`${portals.consultant.url}/admin/mail`);
  const mail = admin
    .getByRole("row", { name: /candidate@northwind\.test/ })
    .filter({ hasText: "Feedback on your Data Analyst interview" })
    .first();
  await expect(async () => {
    await admin.reload();
    await expect(mail).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000, intervals: [1_000, 2_000] });
  await mail.getByRole("link", { name: "Feedback on your Data Analyst interview" }).click();
  await expect(admin.getByTestId("mail-text")).toContainText(
    `Open in Debrief: ${portals.candidate.url}${feedbackPath}`,
  );

  // Another candidate of the same agency, and the other agency's candidate: not found.
  for (const email of ["candidate2@northwind.test", "candidate@globex.test"]) {
    const page = await pageAs(browser, email);
    await page.goto(`${portals.candidate.url}/`);
    await expect(page.getByText(strength)).toHaveCount(0);
    const res = await page.goto(`${portals.candidate.url}${feedbackPath}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByText(strength)).toHaveCount(0);
  }

  // The other agency's consultant cannot open the interview's editor.
  const globex = await pageAs(browser, "consultant@globex.test");
  const res = await globex.goto(interviewUrl);
  expect(res?.status()).toBe(404);
  await globex.goto(`${portals.consultant.url}/`);
  await expect(globex.getByText("Jordan Lee")).toHaveCount(0);
});

test("bad input to the API is a 400 naming the field, never a 500", async ({ browser }) => {
  const page = await pageAs(browser, "consultant@northwind.test");
  const res = await page.request.post(`${portals.consultant.url}/api/trpc/feedback.saveDraft`, {
    data: { json: { interviewId: "not-a-uuid", version: null, summary: "x", items: [] } },
  });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(JSON.stringify(body)).toContain("interviewId");
  expect(JSON.stringify(body)).not.toMatch(/stack|node_modules/);
});
