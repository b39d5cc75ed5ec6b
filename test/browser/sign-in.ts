import type { Page } from 'playwright-core';

/** Signs in through the client's form, as a person would, and waits for the signed-in header. */
export async function signInThroughForm(
  page: Page,
  login: string,
  password: string,
): Promise<void> {
  await page.getByTestId('sign-in-form').waitFor();
  await page.getByTestId('sign-in-login').fill(login);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-badge').waitFor();
}
