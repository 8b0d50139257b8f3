import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Someone who uses the client in a test. */
export interface Person {
  email: string;
  username: string;
  password: string;
}

let people = 0;

export function newPerson(username: string): Person {
  people += 1;
  return { email: `${username.toLowerCase()}.${people}.${process.pid}@example.com`, username, password: 'correct horse battery' };
}

/** Signs up through the form; the client logs in and shows my channels. */
export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel(/^Email/).fill(person.email);
  await page.getByLabel(/^Username/).fill(person.username);
  await page.getByLabel(/^Password/).fill(person.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await signedIn(page);
}

export async function logIn(page: Page, person: Person): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^Email/).fill(person.email);
  await page.getByLabel(/^Password/).fill(person.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await signedIn(page);
}

/** Waits for my channels after a sign-up or login; a refusal fails at once with the message the form shows. */
async function signedIn(page: Page): Promise<void> {
  const channels = page.getByRole('heading', { name: 'My channels' });
  const refusal = page.getByRole('alert');
  await channels.or(refusal).first().waitFor().catch(async (error: Error) => {
    throw new Error(`${error.message}\nat ${page.url()}, showing: ${(await page.locator('body').innerText()).slice(0, 500)}`);
  });
  if (await refusal.isVisible()) throw new Error(`the form said: ${await refusal.innerText()}`);
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in to WebChat' }).waitFor();
}

/** Opens a section from the navigation (behind the menu button on a phone). */
export async function openSection(page: Page, section: 'Channels' | 'Contacts' | 'Wallet'): Promise<void> {
  const menu = page.getByRole('button', { name: 'Open navigation' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click();
}

/** Resolves once `text` shows in the page (or within `scope`, a CSS selector or ARIA role locator's text). */
export async function waitForText(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout });
}

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** Saves the page as docs/screenshots/<name>.png (committed, shown in the README). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}
