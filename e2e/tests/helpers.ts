import { expect, type Page } from "@playwright/test";
import { PASSWORD, type PortalName, portals } from "./accounts";

export async function signIn(page: Page, portal: PortalName, email: string, password = PASSWORD) {
  await page.goto(`${portals[portal].url}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectSignedIn(page: Page, name: string, agency: string) {
  await expect(page.getByTestId("signed-in-name")).toHaveText(name);
  await expect(page.getByTestId("signed-in-agency")).toHaveText(agency);
}

/** The sign-in form's own alert (Next's route announcer is an alert too). */
export const signInError = (page: Page) => page.locator("form").getByRole("alert");
