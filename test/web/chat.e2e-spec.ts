import type { Browser, CDPSession, Locator, Page } from 'playwright-core';
import { ask, connectChat } from '../support/chat-client';
import type { TestApp } from '../support/test-app';
import { DESKTOP, describeInBrowser, expectNoBrowserErrors, launchBrowser, openVisitor, PHONE, Visitor } from './support/browser';
import { logIn, logOut, newPerson, openSection, Person, screenshot, signUp, waitForText } from './support/pages';
import { startWebServer } from './support/web-server';

/** The messages of the open chat, as shown. */
const messageLog = (page: Page) => page.getByRole('log', { name: 'Messages' });
const messageBox = (page: Page) => page.getByRole('textbox', { name: 'Message' });

/** One message of the open chat, by its text. */
const messageItem = (page: Page, text: string) => messageLog(page).getByTestId('message').filter({ hasText: text });

async function send(page: Page, text: string): Promise<void> {
  await messageBox(page).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await messageLog(page).getByText(text).waitFor();
}

/** Types with a real IME composition (Chromium's own, through CDP) into `box`: Enter during it must not send. */
async function composeKorean(page: Page, cdp: CDPSession, syllables: string, box: Locator = messageBox(page)): Promise<void> {
  await box.focus();
  await cdp.send('Input.imeSetComposition', { text: syllables, selectionStart: syllables.length, selectionEnd: syllables.length });
  await page.keyboard.press('Enter');
  await cdp.send('Input.insertText', { text: syllables });
}

// Each step drives two browsers; under a loaded machine a step can take several seconds.
jest.setTimeout(60_000);

describeInBrowser('web client: two people chat in the browser (embedded server)', () => {
  let server: TestApp;
  let browser: Browser;
  let alice: Visitor;
  let bob: Visitor;
  const a: Person = newPerson('Alice');
  const b: Person = newPerson('Bob');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    [alice, bob] = await Promise.all([openVisitor(browser, server.url), openVisitor(browser, server.url)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expectNoBrowserErrors(alice, bob));

  it('signs both up, and each adds the other as a contact', async () => {
    await Promise.all([signUp(alice.page, a), signUp(bob.page, b)]);
    // Bob first: Alice's list then shows him online (his state is shown to those in his contacts).
    for (const [me, them] of [[bob, a], [alice, b]] as const) {
      await openSection(me.page, 'Contacts');
      await me.page.getByLabel(/^Contact email/).fill(them.email);
      await me.page.getByRole('button', { name: 'Add contact' }).click();
      await me.page.getByRole('listitem').filter({ hasText: them.username }).waitFor();
    }
    // Both are signed in, so each sees the other online.
    await alice.page.getByRole('status', { name: 'Bob is online' }).waitFor();
  });

  it('opens a direct chat from the contacts; it appears in the other one\'s channels live', async () => {
    await alice.page.getByRole('button', { name: 'Chat with Bob' }).click();
    await alice.page.getByRole('heading', { name: 'Bob' }).waitFor();
    await alice.page.getByRole('status', { name: 'Bob is online' }).waitFor();
    await openSection(bob.page, 'Channels');
    await bob.page.getByRole('navigation', { name: 'My channels' }).getByRole('link', { name: /Alice/ }).waitFor();
  });

  it('delivers messages both ways, shows the unread badge, typing, and the read receipt', async () => {
    await send(alice.page, 'Hello Bob, are you there?');
    // Bob has the channel list open: the badge and the last message update live.
    const row = bob.page.getByRole('navigation', { name: 'My channels' }).getByRole('link', { name: /Alice, 1 unread/ });
    await row.waitFor();
    await row.getByText('Alice: Hello Bob, are you there?').waitFor();
    // Until Bob opens the chat, Alice's message shows 1 person who has not read it.
    const unread = messageLog(alice.page).getByTestId('message').filter({ hasText: 'Hello Bob' }).getByLabel('1 unread');
    await unread.waitFor();
    await row.click();
    await messageLog(bob.page).getByText('Hello Bob, are you there?').waitFor();
    await unread.waitFor({ state: 'detached' });

    await messageBox(bob.page).pressSequentially('Yes', { delay: 20 });
    await waitForText(alice.page, 'Bob is typing…');
    await bob.page.getByRole('button', { name: 'Send' }).click();
    await messageLog(alice.page).getByText('Yes').waitFor();
    await alice.page.getByText('Bob is typing…').waitFor({ state: 'detached' });
  });

  it('sends Korean typed through an input method only when the composition is done', async () => {
    const cdp = await alice.context.newCDPSession(alice.page);
    await composeKorean(alice.page, cdp, '안녕하세요');
    // Enter during the composition sent nothing: the text is still in the box (a send empties it).
    expect((await messageBox(alice.page).inputValue()).trim()).toBe('안녕하세요');
    expect(await messageLog(alice.page).getByText('안녕하세요').count()).toBe(0);
    await alice.page.keyboard.press('Enter');
    await messageLog(bob.page).getByText('안녕하세요').waitFor();
    expect(await messageBox(alice.page).inputValue()).toBe('');
    expect(await messageLog(bob.page).getByText('안녕').count()).toBe(1);
  });

  it('keeps the history across a reload', async () => {
    await bob.page.reload();
    for (const text of ['Hello Bob, are you there?', 'Yes', '안녕하세요']) await messageLog(bob.page).getByText(text).waitFor();
  });

  it('shows the connection banner offline and recovers the messages missed meanwhile', async () => {
    await bob.context.setOffline(true);
    await bob.page.getByRole('status').filter({ hasText: 'You are offline' }).waitFor();
    // The server saw Bob's socket go: Alice sees him offline.
    await alice.page.getByRole('status', { name: 'Bob is offline' }).waitFor();
    await send(alice.page, 'Sent while you were offline 1');
    await send(alice.page, 'Sent while you were offline 2');
    // After a reload Alice's messages come from history, each still unread by Bob.
    await alice.page.reload();
    const unreadByBob = messageLog(alice.page).getByTestId('message').filter({ hasText: 'Sent while you were offline' }).getByLabel('1 unread');
    await unreadByBob.nth(1).waitFor();
    await bob.context.setOffline(false);
    await messageLog(bob.page).getByText('Sent while you were offline 2').waitFor();
    await messageLog(bob.page).getByText('Sent while you were offline 1').waitFor();
    // Bob reads them on reconnection: his receipt lowers the numbers of those history messages too.
    await unreadByBob.first().waitFor({ state: 'detached' });
    await bob.page.getByRole('status').filter({ hasText: 'You are offline' }).waitFor({ state: 'detached' });
    await alice.page.getByRole('status', { name: 'Bob is online' }).waitFor();
    // Missed messages in order, each once.
    const shown = await messageLog(bob.page).getByTestId('message').allInnerTexts();
    const missed = shown.filter((text) => text.includes('Sent while you were offline'));
    expect(missed.map((text) => text.match(/offline (\d)/)?.[1])).toEqual(['1', '2']);
  });

  it('creates a channel that the other finds and joins, and scrolls back through its history', async () => {
    await openSection(alice.page, 'Channels');
    await alice.page.getByRole('button', { name: 'New channel' }).click();
    await alice.page.getByLabel(/^Channel name/).fill('Study group');
    await alice.page.getByLabel(/^Description/).fill('Korean practice');
    await alice.page.getByRole('button', { name: 'Create channel' }).click();
    await alice.page.getByRole('heading', { name: '# Study group' }).waitFor();
    const channelId = new URL(alice.page.url()).pathname.split('/').pop()!;
    // More history than one page (50), sent over Alice's own session.
    const token = String(await alice.page.evaluate("JSON.parse(localStorage.getItem('webchat.session')).token"));
    const socket = await connectChat(server.url, token);
    try {
      for (let n = 1; n <= 60; n += 1) {
        expect(await ask(socket, 'message:send', { channelId, clientMsgId: `practice-${n}`, text: `Practice line ${n}` })).toMatchObject({ ok: true });
      }
    } finally {
      socket.close();
    }
    await messageLog(alice.page).getByText('Practice line 60', { exact: true }).waitFor();

    await openSection(bob.page, 'Channels');
    await bob.page.getByLabel('Search public channels').fill('study');
    await bob.page.getByRole('button', { name: 'Join Study group' }).click();
    await bob.page.getByRole('heading', { name: '# Study group' }).waitFor();
    await messageLog(bob.page).getByText('Practice line 60', { exact: true }).waitFor();
    expect(await messageLog(bob.page).getByText('Practice line 1', { exact: true }).count()).toBe(0);
    // From the keyboard: the message log takes focus, Home goes to its top, which loads the page before.
    await messageLog(bob.page).focus();
    await bob.page.keyboard.press('Home');
    await messageLog(bob.page).getByText('Practice line 1', { exact: true }).waitFor();
    expect(await messageLog(bob.page).getByText(/^Practice line \d+$/).count()).toBe(60);
  });

  it('replies with a quote, edits and deletes live on both sides, and shows the join notice as a notice', async () => {
    // Both are in "Study group" (Alice owns it); Bob's join wrote a notice, a centred line without actions.
    const notice = messageLog(alice.page).getByTestId('notice').filter({ hasText: 'Bob joined' });
    await notice.waitFor();
    expect(await messageItem(alice.page, 'Bob joined').count()).toBe(0);

    await send(bob.page, 'Who wants to practise tonight?');
    const question = messageItem(alice.page, 'Who wants to practise tonight?');
    await question.waitFor();
    // Alice owns the channel: she may reply to and delete Bob's message, not edit it.
    await question.getByRole('button', { name: 'Delete message' }).waitFor();
    expect(await question.getByRole('button', { name: 'Edit message' }).count()).toBe(0);
    // Escape takes a reply back; the bar above the box names whom it answers.
    await question.getByRole('button', { name: 'Reply' }).click();
    const replyBar = alice.page.getByRole('status', { name: 'Replying' });
    await replyBar.getByText('Replying to Bob: Who wants to practise tonight?').waitFor();
    await alice.page.keyboard.press('Escape');
    await replyBar.waitFor({ state: 'detached' });
    await question.getByRole('button', { name: 'Reply' }).click();
    await send(alice.page, 'Me! Let us meet at eight');
    await replyBar.waitFor({ state: 'detached' });

    const reply = messageItem(bob.page, 'Me! Let us meet at eight');
    await reply.getByTestId('quote').filter({ hasText: 'Bob' }).filter({ hasText: 'Who wants to practise tonight?' }).waitFor();
    // Bob neither owns the channel nor wrote this: he may only reply to it.
    await reply.getByRole('button', { name: 'Reply' }).waitFor();
    expect(await reply.getByRole('button', { name: /Edit message|Delete message/ }).count()).toBe(0);

    // Alice edits her reply in place: Escape leaves it as it was, Enter during an IME composition
    // does not save, Enter after it does.
    const edit = () => messageItem(alice.page, 'Me! Let us meet at').getByRole('button', { name: 'Edit message' }).click();
    const editor = alice.page.getByRole('textbox', { name: 'Edited text' });
    await edit();
    await editor.fill('never saved');
    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });
    // The keyboard is back on the button that opened the editor.
    await alice.page.locator('button[aria-label="Edit message"]:focus').waitFor();
    await edit();
    await editor.fill('Me! Let us meet at nine ');
    const cdp = await alice.context.newCDPSession(alice.page);
    await composeKorean(alice.page, cdp, '아홉시', editor);
    // Still editing (a save closes the editor), with the whole text (the composition may leave a new line).
    expect((await editor.inputValue()).trim()).toBe('Me! Let us meet at nine 아홉시');
    await editor.press('Enter');
    const edited = messageItem(bob.page, 'Me! Let us meet at nine 아홉시');
    await edited.getByText('(edited)').waitFor();
    await edited.getByTestId('quote').filter({ hasText: 'Who wants to practise tonight?' }).waitFor();
    expect(await messageLog(bob.page).getByText('Me! Let us meet at eight').count()).toBe(0);
    expect(await messageLog(bob.page).getByText('never saved').count()).toBe(0);
    await messageItem(alice.page, 'Me! Let us meet at nine').getByText('(edited)').waitFor();
    await screenshot(bob.page, 'chat-reply-desktop');

    // Then deletes it, after confirming: a tombstone in its place for both.
    await messageItem(alice.page, 'Me! Let us meet at nine').getByRole('button', { name: 'Delete message' }).click();
    const confirm = alice.page.getByRole('dialog', { name: 'Delete this message?' });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    // The button that opened the dialog went with the message's actions: the keyboard lands on the message log.
    await alice.page.locator('[role="log"][aria-label="Messages"]:focus').waitFor();
    for (const page of [alice.page, bob.page]) {
      await messageLog(page).getByTestId('message').filter({ hasText: 'message deleted' }).waitFor();
      expect(await messageLog(page).getByText('Me! Let us meet at nine').count()).toBe(0);
    }
    expect(await messageItem(bob.page, 'message deleted').getByRole('button').count()).toBe(0);

    // A reply to a message deleted later quotes "deleted message".
    await messageItem(bob.page, 'Who wants to practise tonight?').getByRole('button', { name: 'Reply' }).click();
    await send(bob.page, 'Anyone?');
    await messageItem(alice.page, 'Anyone?').getByTestId('quote').filter({ hasText: 'Who wants to practise tonight?' }).waitFor();
    await messageItem(bob.page, 'Who wants to practise tonight?').first().getByRole('button', { name: 'Delete message' }).click();
    await bob.page.getByRole('dialog', { name: 'Delete this message?' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await messageItem(alice.page, 'Anyone?').getByTestId('quote').getByText('deleted message').waitFor();
  });

  it('saves screenshots of the chat and the channel list, desktop and phone', async () => {
    await openSection(bob.page, 'Channels');
    await bob.page.getByRole('navigation', { name: 'My channels' }).getByRole('link', { name: /Alice/ }).click();
    await bob.page.getByRole('heading', { name: 'Alice' }).waitFor();
    await screenshot(bob.page, 'chat-desktop');
    await openSection(bob.page, 'Channels');
    await bob.page.getByRole('heading', { name: 'My channels' }).waitFor();
    await screenshot(bob.page, 'channels-desktop');
    await bob.page.setViewportSize(PHONE);
    await screenshot(bob.page, 'channels-phone');
    await bob.page.getByRole('navigation', { name: 'My channels' }).getByRole('link', { name: /Alice/ }).click();
    await messageLog(bob.page).getByText('Sent while you were offline 2').waitFor();
    await screenshot(bob.page, 'chat-phone');
    // Nothing is wider than the phone.
    expect(await bob.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await bob.page.setViewportSize(DESKTOP);
  });

  it('logs out and in again', async () => {
    await logOut(alice.page);
    await logIn(alice.page, a);
    await alice.page.getByRole('navigation', { name: 'My channels' }).getByRole('link', { name: /Bob/ }).waitFor();
  });
});
