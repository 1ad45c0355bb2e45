// The admin's agency settings, reason taxonomy and feedback templates, used through the UI.
// Other specs run alongside on the same agency: the SLA goes back to what it was, and names carry
// a stamp so reruns never collide.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { portals, stateFile } from "./accounts";

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: stateFile(email) });
  return context.newPage();
}

const stamp = () => Date.now().toString(36);

test("an admin changes the feedback deadline; a retention of 0 months is refused on its field", async ({
  browser,
}) => {
  const page = await pageAs(browser, "admin@northwind.test");
  await page.goto(`${portals.consultant.url}/admin/settings`);
  const sla = page.getByLabel("Hours from rejection to published feedback");
  const retention = page.getByLabel("Months without activity before purging");
  const save = page.getByRole("button", { name: "Save settings" });
  await expect(sla).not.toHaveValue("");
  const original = await sla.inputValue();
  const keptRetention = await retention.inputValue();
  // One hour more: no interview of the other specs crosses its deadline because of it.
  const changed = String(Number(original) + 1);

  await sla.fill(changed);
  await save.click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await page.reload();
  await expect(sla).toHaveValue(changed);
  await expect(page.getByTestId("settings-last-change")).toContainText(
    "Last changed by Alex Morgan",
  );

  await retention.fill("0");
  await save.click();
  await expect(retention).toHaveAttribute("aria-invalid", "true");
  await expect(retention).toHaveAccessibleDescription(
    /must be a whole number of months from 1 to 120/,
  );
  await page.reload();
  await expect(retention).toHaveValue(keptRetention);

  await sla.fill(original);
  await save.click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await page.reload();
  await expect(sla).toHaveValue(original);
});

test("an admin adds a rejection reason and retires it", async ({ browser }) => {
  const page = await pageAs(browser, "admin@northwind.test");
  await page.goto(`${portals.consultant.url}/admin/taxonomy`);
  const reasons = page.getByTestId("taxonomy-reason");
  const name = `Notice period too long ${stamp()}`;
  const field = reasons.getByLabel("New rejection reason");

  await field.fill(name);
  await reasons.getByRole("button", { name: "Add reason" }).click();
  await expect(page.getByText(`Added “${name}”`)).toBeVisible();
  const row = reasons.getByTestId("list-row").filter({ hasText: name });
  await expect(row).toContainText("Not used yet");

  // The same name in other capitals is the same reason: refused on the field.
  await field.fill(name.toUpperCase());
  await reasons.getByRole("button", { name: "Add reason" }).click();
  await expect(field).toHaveAccessibleDescription(/already exists/);

  await row.getByRole("button", { name: `Retire ${name}` }).click();
  await expect(page.getByText(`Retired “${name}”`)).toBeVisible();
  await expect(row.getByText("Retired", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: `Restore ${name}` })).toBeVisible();

  // No longer offered for new points.
  await page.goto(`${portals.consultant.url}/admin/templates/new`);
  const style = page.getByTestId("template-lens-interview_style");
  await style.getByRole("button", { name: "+ Gap" }).click();
  await expect(style.getByLabel("Reason").locator("option", { hasText: name })).toHaveCount(0);
});

test("an admin creates a template with one strength and one gap; consultants can start from it", async ({
  browser,
}) => {
  const page = await pageAs(browser, "admin@northwind.test");
  await page.goto(`${portals.consultant.url}/admin/templates`);
  await page.getByRole("link", { name: "New template" }).click();
  const name = `Data analyst ${stamp()}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description (optional)").fill("SQL exercise and a stakeholder case");

  const skills = page.getByTestId("template-lens-skills_experience");
  await skills.getByRole("button", { name: "+ Strength" }).click();
  await skills.getByLabel("Competency").selectOption({ label: "Problem solving" });
  // Three dots typed by hand become the placeholder consultants must replace.
  await skills.getByLabel("Detail").fill("Your walkthrough of ... showed how you reason.");
  await skills.getByLabel("Detail").blur();
  await expect(skills.getByLabel("Detail")).toHaveValue(
    "Your walkthrough of … showed how you reason.",
  );

  const style = page.getByTestId("template-lens-interview_style");
  await style.getByRole("button", { name: "+ Gap" }).click();
  await style.getByLabel("Competency").selectOption({ label: "Communication" });
  await style.getByLabel("Reason").selectOption({ label: "Answers lacked structure" });
  await style.getByLabel("Detail").fill("When asked about …, the answer took five minutes.");

  // A gap needs a next step, as in the feedback editor.
  await page.getByRole("button", { name: "Create template" }).click();
  const nextStep = style.getByLabel("Suggested next step", { exact: true });
  await expect(nextStep).toHaveAccessibleDescription(/a gap needs a suggested next step/);
  await nextStep.fill("Practise two-minute answers about … in the STAR shape.");
  await page.getByRole("button", { name: "Create template" }).click();

  await expect(page.getByText(`Created “${name}”`)).toBeVisible();
  await expect(page).toHaveURL(`${portals.consultant.url}/admin/templates`);
  const row = page.getByTestId("list-row").filter({ hasText: name });
  await expect(row).toContainText("1 strength · 1 gap");

  // The consultant's editor offers it, with both points.
  const consultant = await pageAs(browser, "consultant@northwind.test");
  await consultant.goto(`${portals.consultant.url}/`);
  await consultant.getByTestId("owed-row").first().getByRole("link").click();
  await expect(
    consultant.getByLabel("Start from a template").locator("option", { hasText: name }),
  ).toHaveText(`${name} (2 points)`);

  // Reopened, it holds what was saved, in order.
  await row.getByRole("link", { name: `Edit ${name}` }).click();
  await expect(page.getByRole("heading", { name: `Edit “${name}”` })).toBeVisible();
  await expect(page.getByTestId("template-item")).toHaveCount(2);
  await expect(skills.getByLabel("Detail")).toHaveValue(
    "Your walkthrough of … showed how you reason.",
  );
  await expect(style.getByLabel("Suggested next step", { exact: true })).toHaveValue(
    "Practise two-minute answers about … in the STAR shape.",
  );
});
