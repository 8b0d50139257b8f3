import type { Browser, Locator, Page, Request } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { DESKTOP, describeInBrowser, launchBrowser, openVisitor, PHONE, Visitor } from './support/browser';
import { newPerson, openSection, screenshot, signUp as signUpThroughForm } from './support/pages';
import { startWebServer } from './support/web-server';

const WALLET_PASSWORD = 'wallet-pass';

const field = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });
const balance = (page: Page) => page.getByTestId('wallet-balance');
const ledgerRows = (page: Page) => page.getByRole('table', { name: 'Ledger entries, newest first' }).locator('tbody tr');
/** Waits until the locator shows exactly this text (Playwright's own wait, jest has no web-first assertions). */
const shows = (locator: Locator, text: string) => locator.filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor();

/** A person in a browser context, with the Idempotency-Key header of each money move the page sent, by route. */
interface WalletUser extends Visitor {
  keys: Map<string, string[]>;
}

/**
 * API answers the flows below provoke on purpose; Chromium logs every 4xx answer to a fetch as a
 * console error ("Failed to load resource"), so these, and only these, are not browser errors.
 */
const PROVOKED_ANSWERS = [/^\/api\/wallets\/me 404$/, /^\/api\/transfers 403$/, /^\/api\/transfers ERR_CONNECTION_RESET$/, /^\/api\/wallets\/[^/]+\/participants 404$/, /^\/api\/wallets\/[^/]+\/withdrawals 409$/];
const RESOURCE_ERROR = /^console error: Failed to load resource: (?:the server responded with a status of (\d{3}) \([^)]*\)|net::(ERR_\w+)) \((.+)\)$/;

function expectNoUnprovokedErrors(...users: WalletUser[]): void {
  const provoked = (problem: string) => {
    const [, status, networkError, url] = RESOURCE_ERROR.exec(problem) ?? [];
    return url !== undefined && PROVOKED_ANSWERS.some((answer) => answer.test(`${new URL(url).pathname} ${status ?? networkError}`));
  };
  expect(users.flatMap((user) => user.problems).filter((problem) => !provoked(problem))).toEqual([]);
}

// Each step drives a browser against a real server; under a loaded machine a step can take seconds.
jest.setTimeout(60_000);

describeInBrowser('web wallet: two people move money in the browser (embedded server)', () => {
  let server: TestApp;
  let browser: Browser;
  const users: WalletUser[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(() => expectNoUnprovokedErrors(...users.splice(0)));

  async function signUp(name: string): Promise<WalletUser> {
    const user: WalletUser = { ...(await openVisitor(browser, server.url)), keys: new Map() };
    user.page.on('request', (request: Request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() !== 'POST' || !/^\/api\/(wallets\/[^/]+\/(deposits|withdrawals)|transfers)$/.test(path)) return;
      const route = path.replace(/wallets\/[^/]+\//, 'wallets/:id/');
      user.keys.set(route, [...(user.keys.get(route) ?? []), request.headers()['idempotency-key'] ?? '']);
    });
    users.push(user);
    await signUpThroughForm(user.page, newPerson(name));
    return user;
  }

  /** Opens the wallet section, creates the personal wallet and answers its id as the page shows it. */
  async function openWallet({ page }: WalletUser): Promise<string> {
    await openSection(page, 'Wallet');
    const form = page.getByRole('form', { name: 'Create wallet' });
    await field(form, 'Password').fill(WALLET_PASSWORD);
    await field(form, 'Confirm password').fill(WALLET_PASSWORD);
    await form.getByRole('button', { name: 'Create wallet' }).click();
    await shows(balance(page), '₩0');
    return (await page.getByTestId('wallet-id').innerText()).trim();
  }

  const sessionOf = (page: Page) => page.evaluate<{ token: string; user: { id: string } }>("JSON.parse(localStorage.getItem('webchat.session'))");

  /** Test setup through the API with the page's own session (the channel pages are not under test here). */
  async function callApi<T>(page: Page, path: string, body: object, headers: Record<string, string> = {}): Promise<T> {
    const { token } = await sessionOf(page);
    const answer = await fetch(`${server.url}/api${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`POST ${path} answered ${answer.status}`);
    return (await answer.json()) as T;
  }

  async function chooseChannel(page: Page, name: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Wallet sections' }).getByRole('link', { name: 'Group wallets' }).click();
    await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: name });
  }

  async function deposit(page: Page, amount: string): Promise<Locator> {
    const form = page.getByRole('form', { name: 'Deposit' });
    await field(form, 'Amount').fill(amount);
    await form.getByRole('button', { name: 'Deposit' }).click();
    return form;
  }

  async function transfer(page: Page, to: string, amount: string, password: string): Promise<Locator> {
    await page.getByRole('tab', { name: 'Transfer' }).click();
    const form = page.getByRole('form', { name: 'Transfer' });
    await field(form, 'To wallet id').fill(to);
    await field(form, 'Amount').fill(amount);
    await field(form, 'Password').fill(password);
    await form.getByRole('button', { name: 'Transfer' }).click();
    return form;
  }

  it('two people open wallets; deposits and a transfer show on both sides; a reserved transfer is booked and cancelled', async () => {
    const mina = await signUp('Mina');
    const joon = await signUp('Joon');
    await openWallet(mina);
    const joonWallet = await openWallet(joon);

    // Decimals are refused by the form, before any request.
    const depositForm = await deposit(mina.page, '12.5');
    await depositForm.getByText('Amount must be whole won: no decimals').waitFor();
    expect(mina.keys.size).toBe(0);

    await deposit(mina.page, '50,000');
    await shows(balance(mina.page), '₩50,000');
    // Keyboard only: Enter in the amount field submits the form.
    await field(depositForm, 'Amount').fill('10000');
    await field(depositForm, 'Amount').press('Enter');
    await shows(balance(mina.page), '₩60,000');
    const depositKeys = mina.keys.get('/api/wallets/:id/deposits')!;
    expect(depositKeys).toHaveLength(2);
    expect(new Set(depositKeys).size).toBe(2);

    // More than the balance: the server's 409 message is shown, nothing moves.
    await mina.page.getByRole('tab', { name: 'Withdraw' }).click();
    const withdrawal = mina.page.getByRole('form', { name: 'Withdraw' });
    await field(withdrawal, 'Amount').fill('70000');
    await field(withdrawal, 'Password').fill(WALLET_PASSWORD);
    await withdrawal.getByRole('button', { name: 'Withdraw' }).click();
    await withdrawal.getByRole('alert').filter({ hasText: /insufficient/i }).waitFor();
    expect(mina.keys.get('/api/wallets/:id/withdrawals')).toHaveLength(1);

    // A wrong password: the server's 403 message is shown, nothing moves.
    const refused = await transfer(mina.page, joonWallet, '20000', 'not-the-password');
    await refused.getByRole('alert').filter({ hasText: /password/i }).waitFor();

    // The first answer of the real transfer is lost on the way back: the client sends the same
    // request with the same Idempotency-Key, and the server replays its answer instead of paying twice.
    let lost = false;
    await mina.page.route('**/api/transfers', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    const sent = await transfer(mina.page, joonWallet, '20000', WALLET_PASSWORD);
    await sent.getByRole('status').filter({ hasText: 'Sent ₩20,000.' }).waitFor();
    await shows(balance(mina.page), '₩40,000');
    const transferKeys = mina.keys.get('/api/transfers')!;
    expect(transferKeys).toHaveLength(3);
    expect(transferKeys[1]).toBe(transferKeys[2]);
    expect(transferKeys[0]).not.toBe(transferKeys[1]);
    await shows(ledgerRows(mina.page).first().getByRole('cell').nth(1), 'Transfer out');
    expect(await ledgerRows(mina.page).allInnerTexts()).toEqual([
      expect.stringMatching(/Transfer out\s+−₩20,000\s+₩40,000$/),
      expect.stringMatching(/Deposit\s+\+₩10,000\s+₩60,000$/),
      expect.stringMatching(/Deposit\s+\+₩50,000\s+₩50,000$/),
    ]);

    // Joon's page has no live wallet events: it shows the money after a refetch.
    await joon.page.getByRole('button', { name: 'Refresh balance and ledger' }).click();
    await shows(balance(joon.page), '₩20,000');
    expect(await ledgerRows(joon.page).allInnerTexts()).toEqual([expect.stringMatching(/Transfer in\s+\+₩20,000\s+₩20,000$/)]);

    // Screenshots of the wallet view, desktop and phone width.
    await screenshot(mina.page, 'wallet-desktop');
    // In front, as a person sees it: a page in the background gets no animation frames, so the
    // layout's transition to the phone width would stop half-way.
    await mina.page.bringToFront();
    await mina.page.setViewportSize(PHONE);
    await shows(balance(mina.page), '₩40,000');
    // Nothing is wider than the phone, once the layout's own transition is over: the navigation has
    // slid away when the main area's left padding is back to its right one (measuring mid-way
    // catches a width the page passes through, not the one it shows).
    // A function, not a string: the page's CSP refuses to evaluate strings.
    await mina.page.waitForFunction(
      () => {
        // Runs in the page; this project's tests compile without the DOM's types.
        const page = globalThis as unknown as { document: { querySelector(selector: string): object | null }; getComputedStyle(element: object): { paddingLeft: string; paddingRight: string } };
        const main = page.document.querySelector('main');
        return main !== null && page.getComputedStyle(main).paddingLeft === page.getComputedStyle(main).paddingRight;
      },
      undefined,
      { timeout: 10_000 },
    );
    expect(await mina.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await screenshot(mina.page, 'wallet-phone');
    await mina.page.setViewportSize(DESKTOP);

    // A monthly transfer booked for later is listed SCHEDULED, then cancelled.
    await mina.page.getByRole('link', { name: 'Reserved transfers' }).click();
    const book = mina.page.getByRole('form', { name: 'Book a reserved transfer' });
    await field(book, 'To wallet id').fill(joonWallet);
    await field(book, 'Amount').fill('1000');
    await book.getByRole('combobox', { name: 'Repeat' }).selectOption('MONTHLY');
    await field(book, 'Password').fill(WALLET_PASSWORD);
    await book.getByRole('button', { name: 'Book transfer' }).click();
    const booked = mina.page.getByTestId('reserved-transfer');
    await shows(booked.getByRole('cell').nth(3).locator('.mantine-Badge-label'), 'SCHEDULED');
    expect(await booked.count()).toBe(1);
    await booked.getByRole('button', { name: /^Cancel the transfer of ₩1,000 due / }).click();
    await shows(booked.getByRole('cell').nth(3).locator('.mantine-Badge-label'), 'CANCELLED');
    expect(await booked.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);

  });

  it('group wallets of a channel: create, join, a member deposits, a transfer picked from the channel lands there', async () => {
    const mina = await signUp('Hana');
    const joon = await signUp('Dong');
    await openWallet(mina);
    await deposit(mina.page, '5000');
    await shows(balance(mina.page), '₩5,000');
    const joonId = (await sessionOf(joon.page)).user.id;
    const channel = await callApi<{ id: string }>(mina.page, '/channels', { name: 'Trip' });
    await callApi(mina.page, `/channels/${channel.id}/members`, { userIds: [joonId] });

    await chooseChannel(mina.page, 'Trip');
    const create = mina.page.getByRole('form', { name: 'Create group wallet' });
    await field(create, 'Name').fill('Trip fund');
    await field(create, 'Password').fill('group-pass');
    await create.getByRole('button', { name: 'Create group wallet' }).click();
    await mina.page.getByRole('link', { name: 'Open Trip fund' }).waitFor();

    await openSection(joon.page, 'Wallet');
    await chooseChannel(joon.page, 'Trip');
    await joon.page.getByRole('button', { name: 'Join Trip fund' }).click();
    await joon.page.getByRole('link', { name: 'Open Trip fund' }).click();
    const participants = joon.page.getByRole('list', { name: 'Participants' }).getByRole('listitem');
    await participants.nth(1).waitFor();
    expect((await participants.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['Hana ADMIN', 'Dong (you) MEMBER']);
    // A MEMBER pays in; only the ADMIN may spend.
    expect(await joon.page.getByRole('tab').allInnerTexts()).toEqual(['Deposit']);
    await deposit(joon.page, '7000');
    await shows(balance(joon.page), '₩7,000');

    await mina.page.getByRole('navigation', { name: 'Wallet sections' }).getByRole('link', { name: 'My wallet' }).click();
    await mina.page.getByRole('tab', { name: 'Transfer' }).click();
    const form = mina.page.getByRole('form', { name: 'Transfer' });
    await form.getByText('A channel wallet').click();
    await form.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Trip' });
    await form.getByRole('combobox', { name: 'To wallet' }).selectOption({ label: 'Trip fund (₩7,000)' });
    await field(form, 'Amount').fill('3000');
    await field(form, 'Password').fill(WALLET_PASSWORD);
    await form.getByRole('button', { name: 'Transfer' }).click();
    await shows(balance(mina.page), '₩2,000');

    await chooseChannel(mina.page, 'Trip');
    await mina.page.getByRole('link', { name: 'Open Trip fund' }).click();
    await shows(balance(mina.page), '₩10,000');
    expect(await mina.page.getByRole('tab').allInnerTexts()).toEqual(['Deposit', 'Withdraw', 'Transfer']);
    expect(await ledgerRows(mina.page).allInnerTexts()).toEqual([
      expect.stringMatching(/Transfer in\s+\+₩3,000\s+₩10,000$/),
      expect.stringMatching(/Deposit\s+\+₩7,000\s+₩7,000$/),
    ]);

    // The ledger pages by the API's cursor: 20 entries, then the older ones on request.
    const group = (await mina.page.getByTestId('wallet-id').innerText()).trim();
    for (let n = 1; n <= 19; n += 1) await callApi(mina.page, `/wallets/${group}/deposits`, { amount: n }, { 'idempotency-key': `page-${n}` });
    await mina.page.getByRole('button', { name: 'Refresh balance and ledger' }).click();
    await shows(balance(mina.page), '₩10,190');
    expect(await ledgerRows(mina.page).count()).toBe(20);
    await mina.page.getByRole('button', { name: 'Load older entries' }).click();
    await ledgerRows(mina.page).nth(20).waitFor();
    expect(await ledgerRows(mina.page).count()).toBe(21);
    expect(await ledgerRows(mina.page).last().innerText()).toMatch(/Deposit\s+\+₩7,000\s+₩7,000$/);
    await mina.page.getByRole('button', { name: 'Load older entries' }).waitFor({ state: 'detached' });

  });
});
