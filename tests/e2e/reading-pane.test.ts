import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliJson } from '../helpers/cli.js';
import { crlf, TINY_PNG } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { MailboxPage } from './mailbox-page.js';
import { ReaderPage } from './reader-page.js';

/**
 * Given newsletters from one sender that embed remote images, CSS backgrounds, a script, a javascript: link and a
 * link whose text shows a bank's address while it goes elsewhere, the reading pane loads nothing from the web
 * and runs nothing until the agent says so, and says where links really go.
 */

const SENDER = 'news@boutique.example';
const PAGE_TITLE_PROBE = 'pwned';

/** Each message's remote URLs carry its number, so a cached image from an earlier one cannot hide a request. */
function newsletter(n: number, port: number): Buffer {
  const site = `http://127.0.0.1:${port}`;
  const html = [
    '<html><head><title>Lettre</title>',
    `<style><!-- .banner { height: 20px; background: url("${site}/banner.png?m=${n}") } --></style></head>`,
    '<body><p>Bonjour, voici notre lettre.</p>',
    `<img src="${site}/pixel.png?m=${n}" width="1" height="1" alt="">`,
    `<div style="height:20px;background-image:url('${site}/bg.png?m=${n}')">Fond</div>`,
    '<div class="banner">Bannière</div>',
    `<script>document.title='${PAGE_TITLE_PROBE}';alert('script')</script>`,
    `<img src="data:image/png;base64,AAAA" onerror="document.title='${PAGE_TITLE_PROBE}'" alt="broken">`,
    `<p><a href="javascript:document.title='${PAGE_TITLE_PROBE}'">Cliquez ici</a></p>`,
    `<p>Votre compte : <a href="${site}/phish">https://www.mabanque.fr</a></p>`,
    '</body></html>',
  ];
  return crlf([
    `From: Boutique <${SENDER}>`,
    'To: Agent <agent@facteur.test>',
    `Subject: Lettre ${n}`,
    `Date: Tue, 10 Nov 2026 1${n}:00:00 +0100`,
    `Message-ID: <lettre-${n}@boutique.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Version texte de la lettre ${n}.`,
    '--alt',
    'Content-Type: text/html; charset=iso-8859-1',
    '',
    ...html,
    '--alt--',
    '',
  ]);
}

const remoteRequests = (n: number) => [`/banner.png?m=${n}`, `/bg.png?m=${n}`, `/pixel.png?m=${n}`];

let requests: string[];
let server: Server;
let port: number;
let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;
let reader: ReaderPage;
let dialogs: string[];

function ingest(dataDir: string, n: number, folder?: string): void {
  const file = join(tempDir(), `lettre-${n}.eml`);
  writeFileSync(file, newsletter(n, port));
  runCliJson(dataDir, ['ingest', file, ...(folder ? ['--folder', folder] : [])]);
}

const sorted = () => [...requests].sort();
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

beforeEach(async () => {
  requests = [];
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
    res.end(TINY_PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const dataDir = tempDir();
  for (const n of [1, 2, 3]) ingest(dataDir, n);
  ingest(dataDir, 4, 'Local Folders/Junk');
  app = await startApp(dataDir);
  browser = await openBrowser();
  dialogs = [];
  browser.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  mailbox = new MailboxPage(browser.page);
  reader = new ReaderPage(browser.page);
  await mailbox.open(app.url);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function openLetter(n: number): Promise<void> {
  await mailbox.openFolder('inbox');
  await mailbox.openMessage(`Lettre ${n}`);
  await expect.poll(() => reader.body().locator('body').textContent()).toContain('voici notre lettre');
}

describe('the reading pane', () => {
  it('blocks remote content and scripts, shows where a deceptive link goes, and loads on demand', async () => {
    const pageTitle = await browser.page.title();
    await openLetter(1);
    await settle();
    expect(requests).toEqual([]);
    expect(await reader.remoteCount.textContent()).toBe('3 remote items blocked to protect your privacy');
    expect(await reader.frame.getAttribute('sandbox')).toBe('allow-same-origin');
    // Nothing ran: neither the script nor the onerror handler, and the javascript: link lost its href.
    expect(await browser.page.title()).toBe(pageTitle);
    expect(await reader.body().locator('html').evaluate((html) => html.ownerDocument.title)).toBe('Lettre');
    expect(dialogs).toEqual([]);
    expect(await reader.body().locator('script, [onerror]').count()).toBe(0);
    expect(await reader.body().getByText('Cliquez ici').getAttribute('href')).toBeNull();
    expect(await reader.body().locator('a[href^="javascript:" i]').count()).toBe(0);
    // The frame is as tall as its content: the pane scrolls, not the frame.
    const fitted = await reader.frame.evaluate((f: HTMLIFrameElement) => f.contentDocument!.documentElement.scrollHeight - f.clientHeight);
    expect(Math.abs(fitted)).toBeLessThanOrEqual(1);
    await screenshot(browser.page, 'reader-remote-blocked');

    await reader.body().getByText('https://www.mabanque.fr').hover();
    await expect.poll(() => reader.linkTarget.textContent()).toBe(`http://127.0.0.1:${port}/phish`);
    expect(await reader.linkStatus.getAttribute('data-warning')).toBe('mismatch');
    expect(await reader.linkStatus.textContent()).toContain('the link text shows https://www.mabanque.fr');
    await screenshot(browser.page, 'reader-deceptive-link');
    await reader.body().getByText('https://www.mabanque.fr').click();
    await expect.poll(() => reader.linkDialog.isVisible()).toBe(true);
    expect(await reader.linkDialog.textContent()).toContain(
      `This link shows https://www.mabanque.fr but goes to http://127.0.0.1:${port}/phish`,
    );
    await browser.page.getByTestId('link-dialog-cancel').click();
    await expect.poll(() => reader.linkDialog.count()).toBe(0);
    // The click neither navigated the frame nor reached the link's target.
    expect(await reader.body().locator('body').textContent()).toContain('voici notre lettre');

    await reader.loadRemoteOnce();
    await expect.poll(sorted).toEqual(remoteRequests(1));
    await expect.poll(() => reader.remoteBar.count()).toBe(0);
    await expect.poll(() => reader.body().locator('img[width="1"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await settle();
    expect(sorted()).toEqual(remoteRequests(1));
    await screenshot(browser.page, 'reader-remote-loaded');
  });

  it('remembers "Always for" the sender: later messages load without asking, after a reload too, but never in Junk', async () => {
    await openLetter(2);
    await settle();
    expect(requests).toEqual([]);
    expect(await reader.remoteCount.textContent()).toContain('3 remote items');
    await reader.loadRemoteAlways();
    await expect.poll(sorted).toEqual(remoteRequests(2));
    await expect.poll(() => reader.remoteBar.getAttribute('data-state')).toBe('allowed');
    expect(await reader.blockAgain.isVisible()).toBe(true);

    requests.length = 0;
    await openLetter(3);
    await expect.poll(sorted).toEqual(remoteRequests(3));
    expect(await reader.frame.getAttribute('data-remote')).toBe('allowed');

    requests.length = 0;
    await browser.page.reload();
    await mailbox.tree.waitFor();
    await openLetter(3);
    await expect.poll(sorted).toEqual(remoteRequests(3));

    // The same sender, allowed, but in Junk: nothing loads and nothing offers to.
    requests.length = 0;
    await mailbox.openFolder('junk');
    await mailbox.openMessage('Lettre 4');
    await expect.poll(() => reader.body().locator('body').textContent()).toContain('voici notre lettre');
    await settle();
    expect(requests).toEqual([]);
    expect(await reader.remoteBar.count()).toBe(0);

    // Blocking again holds for the sender's next message.
    await openLetter(3);
    await reader.blockAgain.click();
    await expect.poll(() => reader.remoteBar.getAttribute('data-state')).toBe('blocked');
    requests.length = 0;
    await openLetter(1);
    await settle();
    expect(requests).toEqual([]);
  });

  it('shows the plain text version and the raw source', async () => {
    await openLetter(1);
    await reader.togglePlainText();
    await expect.poll(() => reader.text.textContent()).toBe('Version texte de la lettre 1.');
    expect(await reader.frame.count()).toBe(0);
    await reader.togglePlainText();
    await expect.poll(() => reader.body().locator('body').textContent()).toContain('voici notre lettre');

    await reader.showSource();
    await expect.poll(() => reader.sourceText.textContent()).toContain('Message-ID: <lettre-1@boutique.example>');
    expect(await reader.sourceText.textContent()).toContain('<script>');
    await reader.closeSource();
    await expect.poll(() => reader.sourceText.count()).toBe(0);
    expect(requests).toEqual([]);
  });
});
