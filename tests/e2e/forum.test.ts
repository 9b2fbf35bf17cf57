import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliJson } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { mail, readReceipt } from '../helpers/thread-mail.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { ForumPage } from './forum-page.js';
import { MailboxPage } from './mailbox-page.js';

/**
 * Given a quote sent from Sent, two replies in the Inbox, a read receipt and a reply to a message we never got,
 * when the agent opens one reply and turns on the conversation view, then the whole conversation shows as a tree
 * beside the message, the keyboard walks it, and choosing a node shows that message.
 */

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;
let forum: ForumPage;

function ingest(dataDir: string, name: string, raw: Buffer, folder?: string): void {
  const file = join(tempDir(), name);
  writeFileSync(file, raw);
  runCliJson(dataDir, ['ingest', file, ...(folder ? ['--folder', folder] : [])]);
}

beforeEach(async () => {
  const dataDir = tempDir();
  const from = 'Contact <contact@facteur.test>';
  ingest(dataDir, 'root.eml', mail({ id: 'devis@facteur.test', subject: 'Devis cuisine', minute: 0, from }), 'Local Folders/Sent');
  ingest(dataDir, 'r1.eml', mail({ id: 'r1@client.fr', subject: 'Re: Devis cuisine, une question', minute: 10, references: ['devis@facteur.test'] }));
  ingest(dataDir, 'r2.eml', mail({ id: 'r2@facteur.test', subject: 'Re: Re: Devis cuisine, la réponse', minute: 20, from, references: ['devis@facteur.test', 'r1@client.fr'] }));
  ingest(dataDir, 'mdn.eml', readReceipt({ id: 'mdn@client.fr', original: 'devis@facteur.test', minute: 15 }));
  ingest(dataDir, 'suite.eml', mail({ id: 'suite@client.fr', subject: 'Re: Devis cuisine, la suite', minute: 30, references: ['devis@facteur.test', 'lost@client.fr'] }));
  ingest(dataDir, 'other.eml', mail({ id: 'other@client.fr', subject: 'Autre sujet', minute: 40 }));
  app = await startApp(dataDir);
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
  forum = new ForumPage(browser.page);
  await mailbox.open(app.url);
  await mailbox.openFolder('inbox');
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
});

const TREE = [
  'Devis cuisine',
  '  Re: Devis cuisine, une question',
  '    Re: Re: Devis cuisine, la réponse',
  '  receipt: Confirmare de citire',
  '  (missing)',
  '    Re: Devis cuisine, la suite',
];

describe('the conversation (forum) view', () => {
  it('shows the conversation as a tree beside the message, walked by keyboard, a node opening its message', async () => {
    await mailbox.openMessage('Autre sujet');
    await mailbox.openMessage('Re: Devis cuisine, une question');
    await forum.open();
    await expect.poll(() => forum.shape()).toEqual(TREE);
    expect(await forum.item('Devis cuisine').first().getAttribute('aria-expanded')).toBe('true');
    expect(await forum.item('Confirmare de citire').getAttribute('aria-expanded')).toBeNull();
    expect(await forum.item('Confirmare de citire').textContent()).toContain('Read receipt');
    expect(await forum.items.nth(4).textContent()).toBe('Message not in Facteur');
    expect(await forum.items.nth(4).getAttribute('aria-disabled')).toBe('true');
    // The message stays beside the tree, and the tree marks it.
    expect(await mailbox.reader.subject.textContent()).toBe('Re: Devis cuisine, une question');
    expect(await forum.shown.allTextContents()).toEqual([expect.stringContaining('Re: Devis cuisine, une question')]);
    await screenshot(browser.page, 'forum-tree');

    // The keyboard starts on the message shown; moving does not open anything.
    await forum.focusTree();
    expect(await forum.focused()).toBe('Re: Devis cuisine, une question');
    await forum.press('ArrowUp');
    expect(await forum.focused()).toBe('Devis cuisine');
    expect(await mailbox.reader.subject.textContent()).toBe('Re: Devis cuisine, une question');
    // Enter shows the original, which lies in Sent while the list shows the Inbox.
    await forum.press('Enter');
    await expect.poll(() => mailbox.reader.subject.textContent()).toBe('Devis cuisine');
    await expect.poll(() => forum.shown.getAttribute('data-kind')).toBe('message');
    // Left folds the root, Right unfolds it and then goes to its first reply.
    await forum.press('ArrowLeft');
    await expect.poll(() => forum.shape()).toEqual(['Devis cuisine']);
    await forum.press('ArrowRight');
    await expect.poll(() => forum.shape()).toEqual(TREE);
    await forum.press('ArrowRight', 'ArrowDown');
    expect(await forum.focused()).toBe('Re: Re: Devis cuisine, la réponse');
    await forum.press('ArrowLeft');
    expect(await forum.focused()).toBe('Re: Devis cuisine, une question');
    await forum.press('End');
    expect(await forum.focused()).toBe('Re: Devis cuisine, la suite');
    await forum.press('ArrowUp');
    expect(await forum.focused()).toBe('(missing)');
    await forum.press('Enter');
    expect(await mailbox.reader.subject.textContent()).toBe('Devis cuisine');
    await forum.press('Home');
    expect(await forum.focused()).toBe('Devis cuisine');

    // A click shows that message beside the tree: here the read receipt.
    await forum.item('Confirmare de citire').click();
    await expect.poll(() => mailbox.reader.subject.textContent()).toBe('Confirmare de citire');
    await expect.poll(() => forum.shown.getAttribute('data-kind')).toBe('receipt');
    expect(await forum.shape()).toEqual(TREE);

    // A message of another conversation chosen in the list brings its own tree.
    await mailbox.openMessage('Autre sujet');
    await expect.poll(() => forum.shape()).toEqual(['Autre sujet']);
    await forum.toggle.click();
    await expect.poll(() => forum.tree.count()).toBe(0);
    expect(await forum.toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('speaks French and Romanian', async () => {
    await mailbox.openMessage('Re: Devis cuisine, une question');
    await forum.open();
    await mailbox.language.selectOption('fr');
    await expect.poll(() => forum.item('Confirmare de citire').textContent()).toContain('Accusé de lecture');
    await expect.poll(() => forum.items.nth(4).textContent()).toBe('Message absent de Facteur');
    expect(await forum.tree.getAttribute('aria-label')).toBe('Messages de la conversation');
    await mailbox.language.selectOption('ro');
    await expect.poll(() => forum.toggle.textContent()).toBe('Conversație5 mesaje');
    await expect.poll(() => forum.items.nth(4).textContent()).toBe('Mesaj care lipsește din Facteur');
  });
});
