import { chromium, Browser, BrowserContext, Page } from 'playwright-core';
import { describeWithTool, Tool } from '../../support/describe-with-tool';

/** Debian's Chromium (`npm run infra:up -- chromium`); WEBCHAT_REQUIRE_CHROMIUM=1 (CI) makes its absence a failure. */
export const CHROMIUM: Tool = {
  name: 'Chromium',
  binary: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  requireFlag: 'WEBCHAT_REQUIRE_CHROMIUM',
};

/** The flags of INFRA.md: headless, no sandbox (root in a container), nothing that calls home. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };

/** `describe` with a browser, or a visible skip line (a failure under WEBCHAT_REQUIRE_CHROMIUM=1). */
export function describeInBrowser(name: string, body: () => void): void {
  describeWithTool(CHROMIUM, name, body);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM.binary, headless: true, args: CHROMIUM_FLAGS });
}

/** A browser context (one person: own storage, own network switch) and its page, watched for errors. */
export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors so far; the tests expect none. */
  problems: string[];
}

export async function openVisitor(browser: Browser, baseURL: string, viewport = DESKTOP): Promise<Visitor> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  // A step that does not happen fails in seconds, well inside the test's own time limit.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  return { context, page, problems };
}

/** Fails with every console or page error the visitors' pages logged. */
export function expectNoBrowserErrors(...visitors: Visitor[]): void {
  expect(visitors.flatMap((visitor) => visitor.problems)).toEqual([]);
}
