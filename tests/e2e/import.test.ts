import { readFileSync } from 'node:fs';
import type { Download } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emlTree, importMessage } from '../helpers/import-sources.js';
import { tempDir } from '../helpers/temp.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { FolderTreePage } from './folder-tree-page.js';
import { ImportPage } from './import-page.js';
import { MailboxPage } from './mailbox-page.js';
import { MessageListPage } from './message-list-page.js';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;
let list: MessageListPage;
let tree: FolderTreePage;
let wizard: ImportPage;

beforeEach(async () => {
  app = await startApp(tempDir());
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
  list = new MessageListPage(browser.page);
  tree = new FolderTreePage(browser.page);
  wizard = new ImportPage(browser.page);
  await mailbox.open(app.url);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
});

describe('the import window', () => {
  it('imports a folder tree, reports per folder, opens an imported folder, and finds everything there the second time', async () => {
    const root = emlTree({ '': [importMessage(1)], 'Clients/ACME': [importMessage(2), importMessage(3)] });
    await wizard.open();
    expect(await wizard.dialog.getByTestId('import-target').textContent()).toContain('new folder');
    await wizard.importPath(root);
    await wizard.report.waitFor();
    expect(await wizard.report.getAttribute('data-state')).toBe('done');
    expect(await wizard.counts('Clients/ACME')).toEqual([2, 2, 0, 0, 0]);
    await screenshot(browser.page, 'import-report');
    await wizard.reportRow('Clients/ACME').getByRole('button').click();
    await wizard.close();
    await expect.poll(() => list.subjects()).toEqual(['Commande n° 3', 'Commande n° 2']);

    await wizard.open();
    await wizard.importPath(root);
    await wizard.report.waitFor();
    expect(await wizard.counts('Clients/ACME')).toEqual([2, 0, 2, 0, 0]);
  });

  it('says plainly when the path is not mail, and keeps the window open to fix it', async () => {
    await wizard.open();
    await wizard.importPath(import.meta.filename);
    await expect.poll(() => wizard.problem.textContent()).toContain('is not a PST, MSG, EML or mbox file');
    await wizard.importPath('/nowhere/archive.pst');
    await expect.poll(() => wizard.problem.textContent()).toContain('does not exist');
  });

  it('stores .eml files dropped on a folder, and saves a message back as .eml with its exact bytes', async () => {
    const raw = importMessage(9);
    await wizard.dropFiles(tree.row('Internal'), [{ name: 'commande.eml', bytes: raw, type: 'message/rfc822' }]);
    await tree.row('Internal').click();
    await expect.poll(() => list.subjects()).toEqual(['Commande n° 9']);
    await list.rightClick('Commande n° 9');
    const [download] = (await Promise.all([browser.page.waitForEvent('download'), list.menuItem('save-eml').click()])) as [Download, void];
    expect(download.suggestedFilename()).toBe('Commande n° 9.eml');
    expect(readFileSync((await download.path())!)).toEqual(raw);
    // A file the browser version cannot read opens the import window on that folder, asking for its path.
    await wizard.dropFiles(tree.row('Internal'), [{ name: 'archive.pst', bytes: Buffer.from('!BDN'), type: '' }]);
    await expect.poll(() => wizard.problem.textContent()).toContain('archive.pst');
    expect(await wizard.dialog.getByTestId('import-target').textContent()).toBe('Local Folders/Internal');
  });

  it('exports a folder with its subfolders as mbox files from the folder menu', async () => {
    await wizard.open();
    await wizard.importPath(emlTree({ '': [importMessage(1)], ACME: [importMessage(2)] }));
    await wizard.report.waitFor();
    expect(await wizard.report.getAttribute('data-state')).toBe('done');
    await wizard.close();
    const folder = (await tree.tree.locator('[role="treeitem"][aria-level="2"] .tree-name').allTextContents()).find((n) => n.startsWith('facteur-test'))!;
    await tree.menu(folder, 'export');
    const dialog = browser.page.getByTestId('export-dialog');
    const out = tempDir();
    await dialog.getByTestId('export-mbox').check();
    await dialog.getByTestId('export-path').fill(out);
    await dialog.getByTestId('export-start').click();
    await expect.poll(() => dialog.getByTestId('export-outcome').textContent()).toContain('2 messages written in 2 files');
    expect(readFileSync(`${out}/${folder}.mbox`, 'latin1')).toContain('Subject: Commande n');
    expect(readFileSync(`${out}/${folder}/ACME.mbox`, 'latin1')).toContain('Message-ID: <imp-2@archive.test>');
  });
});
