import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliJson } from '../helpers/cli.js';
import { simpleMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { FolderTreePage } from './folder-tree-page.js';
import { MailboxPage } from './mailbox-page.js';
import { MessageListPage } from './message-list-page.js';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;
let list: MessageListPage;
let tree: FolderTreePage;

const subject = (n: number) => `Message number ${n}`;

function ingest(dataDir: string, numbers: number[], folder?: string) {
  const files = numbers.map((n) => {
    const file = join(tempDir(), `m${n}.eml`);
    writeFileSync(file, simpleMessage(n));
    return file;
  });
  runCliJson(dataDir, ['ingest', ...files, ...(folder ? ['--folder', folder] : [])]);
}

beforeEach(async () => {
  const dataDir = tempDir();
  ingest(dataDir, [1, 2, 3]);
  ingest(dataDir, [4], 'Local Folders/Sent');
  ingest(dataDir, [5], 'Local Folders/Trash');
  app = await startApp(dataDir);
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
  list = new MessageListPage(browser.page);
  tree = new FolderTreePage(browser.page);
  await mailbox.open(app.url);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
});

describe('the folder tree', () => {
  it('gathers every inbox and the last mail received and sent, outside Trash', async () => {
    await expect.poll(() => tree.view('inboxes').getAttribute('data-unread')).toBe('3');
    await tree.view('inboxes').click();
    await expect.poll(() => list.subjects()).toEqual([3, 2, 1].map(subject));
    await tree.view('last-received').click();
    await expect.poll(() => list.subjects()).toEqual([3, 2, 1].map(subject));
    await tree.view('last-sent').click();
    await expect.poll(() => list.subjects()).toEqual([subject(4)]);
    expect(await tree.view('last-sent').getAttribute('aria-selected')).toBe('true');
  });

  it('creates, renames and nests folders from their menus and by dragging, then deletes one with its mail to Trash', async () => {
    await tree.localMenu('new-folder');
    await tree.answerName('Clients');
    await expect.poll(() => tree.row('Clients').count()).toBe(1);
    // The new folder opens, empty.
    await expect.poll(() => browser.page.getByTestId('message-list-empty').isVisible()).toBe(true);
    await tree.menu('Clients', 'new-folder');
    await tree.answerName('ACME');
    await expect.poll(() => tree.childrenOf('Clients')).toEqual(['ACME']);
    await tree.menu('ACME', 'rename-folder');
    await tree.answerName('ACME SA');
    await expect.poll(() => tree.childrenOf('Clients')).toEqual(['ACME SA']);

    await tree.localMenu('new-folder');
    await tree.answerName('Archives');
    await expect.poll(() => tree.row('Archives').count()).toBe(1);
    await tree.row('Archives').dragTo(tree.row('Clients'));
    await expect.poll(() => tree.childrenOf('Clients')).toEqual(['ACME SA', 'Archives']);

    // A message dragged onto a folder moves there.
    await mailbox.openFolder('inbox');
    await list.row(subject(2)).dragTo(tree.row('ACME SA'));
    await expect.poll(() => list.subjects()).toEqual([3, 1].map(subject));
    await tree.row('ACME SA').click();
    await expect.poll(() => list.subjects()).toEqual([subject(2)]);

    await tree.menu('Clients', 'delete-folder');
    await expect.poll(() => browser.page.getByTestId('confirm-dialog').textContent()).toContain('Its 2 subfolders go too. Its message goes to the Trash.');
    await tree.confirm();
    await expect.poll(() => tree.row('Clients').count()).toBe(0);
    await mailbox.openFolder('trash');
    await expect.poll(() => list.subjects()).toEqual([5, 2].map(subject).sort().reverse());
    await screenshot(browser.page, 'folder-tree-after-delete');
  });

  it('copies dragged messages when Ctrl is held, and refuses a drop on the Outbox', async () => {
    await mailbox.openFolder('inbox');
    await browser.page.keyboard.down('Control');
    await list.row(subject(1)).dragTo(tree.row('Internal'));
    await browser.page.keyboard.up('Control');
    // Still in the Inbox, and now in Internal too.
    await expect.poll(() => list.row(subject(1)).locator('.forum-count').textContent()).toBe('1');
    expect(await list.subjects()).toEqual([3, 2, 1].map(subject));
    await tree.row('Internal').click();
    await expect.poll(() => list.subjects()).toEqual([subject(1)]);
    await mailbox.openFolder('inbox');
    await expect.poll(() => list.rows.count()).toBe(3);
    await list.row(subject(3)).dragTo(tree.row('Outbox'));
    await tree.row('Outbox').click();
    await expect.poll(() => browser.page.getByTestId('message-list-empty').isVisible()).toBe(true);
  });
});
