// The admin's reports: every report opens with its figures, a filter change goes into the URL and
// changes the figures (and follows the admin to the next report), a breakdown changes the table,
// and each report's CSV downloads with a dated name and the table's header row.
import { readFile } from "node:fs/promises";
import { type Browser, type Download, expect, type Page, test } from "@playwright/test";
import { portals, stateFile } from "./accounts";

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(email) });
  return context.newPage();
}

const DATE = "\\d{4}-\\d{2}-\\d{2}";
const reports = [
  {
    tab: "Coverage",
    heading: "Feedback coverage",
    file: "coverage-by-month",
    header: "Month,Rejected,With feedback,Without,Coverage (%)",
  },
  {
    tab: "Time to feedback",
    heading: "Time to feedback",
    file: "time-to-feedback-by-month",
    header:
      "Month,Rejected,Published,Median hours,90th percentile hours,Within SLA (%),Published late,Unpublished past SLA,Unpublished within SLA",
  },
  {
    tab: "Reasons & gaps",
    heading: "Rejection reasons and competency gaps",
    file: "reasons",
    header: "Reason,Retired,Gaps,Share of gaps (%),Rank",
  },
  {
    tab: "Engagement",
    heading: "Candidate engagement",
    file: "engagement-by-month",
    header:
      "Month,Published,Read,Read share (%),Acknowledged,Acknowledged share (%),Points rated,Rated helpful,Helpful share (%),Turned into a plan,Plan share (%),Goals,Goals done,Goals done share (%)",
  },
  {
    tab: "Outcomes",
    heading: "Outcomes after a plan",
    file: "outcomes-by-month",
    header:
      "Month,Candidates,Built a plan,Plan: offered later,Plan: offered share (%),No plan,No plan: offered later,No plan: offered share (%),Difference (points)",
  },
] as const;

/** The number a stat shows ("1,234" → 1234). */
async function figure(page: Page, testId: string): Promise<number> {
  return Number(((await page.getByTestId(testId).textContent()) ?? "").replace(/\D/g, ""));
}

async function downloadCsv(page: Page): Promise<{ name: string; lines: string[] }> {
  const waiting = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download: Download = await waiting;
  const path = await download.path();
  const text = await readFile(path, "utf8");
  return {
    name: download.suggestedFilename(),
    lines: text
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean),
  };
}

test("an admin opens every report, filters it and downloads its CSV", async ({ browser }) => {
  const page = await pageAs(browser, "admin@northwind.test");
  await page.goto(`${portals.consultant.url}/admin/reports`);
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  for (const id of ["coverage", "time-to-feedback", "reasons", "engagement", "outcomes"]) {
    await expect(page.getByTestId(`overview-${id}`)).not.toBeEmpty();
  }
  const nav = page.getByRole("navigation", { name: "Reports" });

  for (const report of reports) {
    await nav.getByRole("link", { name: report.tab, exact: true }).click();
    await expect(page.getByRole("heading", { name: report.heading, level: 1 })).toBeVisible();
    await expect(page.getByTestId("headline")).toBeVisible();
    await expect(page.getByTestId("report-row").first()).toBeVisible();
    const csv = await downloadCsv(page);
    expect(csv.name).toMatch(new RegExp(`^${report.file}-${DATE}-to-${DATE}\\.csv$`));
    expect(csv.lines[0]).toBe(report.header);
    expect(csv.lines.length).toBeGreaterThan(1);
  }

  // A consultant filter: into the URL, fewer rejections than the whole agency's.
  await nav.getByRole("link", { name: "Coverage", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Feedback coverage", level: 1 })).toBeVisible();
  const everyone = await figure(page, "stat-rejected");
  expect(everyone).toBeGreaterThan(0);
  await page.getByLabel("Consultant").selectOption({ label: "Priya Shah" });
  await expect(page).toHaveURL(/[?&]consultant=[0-9a-f-]{36}/);
  await expect.poll(() => figure(page, "stat-rejected")).toBeLessThan(everyone);

  // The filter follows the admin to another report, and its CSV is for that filter.
  await nav.getByRole("link", { name: "Time to feedback", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/reports\/time-to-feedback\?.*consultant=/);
  await expect(page.getByLabel("Consultant")).toHaveValue(/[0-9a-f-]{36}/);

  // A breakdown by consultant: the table lists her alone, and so does the file.
  await page.getByRole("button", { name: "Consultant", exact: true }).click();
  await expect(page).toHaveURL(/[?&]by=consultant/);
  await expect(page.getByTestId("report-row")).toHaveCount(1);
  await expect(page.getByTestId("report-row")).toContainText("Priya Shah");
  const byConsultant = await downloadCsv(page);
  expect(byConsultant.name).toMatch(
    new RegExp(`^time-to-feedback-by-consultant-${DATE}-to-${DATE}\\.csv$`),
  );
  expect(byConsultant.lines[0]?.startsWith("Consultant,")).toBe(true);
  expect(byConsultant.lines[1]?.startsWith("Priya Shah,")).toBe(true);
  expect(byConsultant.lines.at(-1)?.startsWith("Total,")).toBe(true);

  // A range that ends before it starts: the field is named, nothing is shown as if it were fine.
  await page.getByLabel("From", { exact: true }).fill("2026-06-01");
  await page.getByLabel("From", { exact: true }).blur();
  await expect(page).toHaveURL(/[?&]from=2026-06-01/);
  await page.getByLabel("To", { exact: true }).fill("2026-05-01");
  await page.getByLabel("To", { exact: true }).blur();
  await expect(page.getByTestId("filter-errors")).toContainText(
    "End date must be on or after the start date",
  );
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveCount(0);
  await page.getByRole("button", { name: "Reset filters" }).click();
  await expect(page.getByTestId("headline")).toBeVisible();
});

test("a consultant finds no reports, and no CSV", async ({ browser }) => {
  const page = await pageAs(browser, "consultant@northwind.test");
  const response = await page.goto(`${portals.consultant.url}/admin/reports/coverage`);
  expect(response?.status()).toBe(404);
  const csv = await page.request.get(`${portals.consultant.url}/admin/reports/coverage/csv`);
  expect(csv.status()).toBe(404);
});
