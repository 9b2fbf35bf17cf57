import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { otherClient, PASSWORD } from '../helpers/mail-accounts.js';
import { simpleMessage } from '../helpers/mail.js';
import { freePort } from '../helpers/ports.js';
import { tempDir } from '../helpers/temp.js';
import { AccountsPage } from './accounts-page.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { MailboxPage } from './mailbox-page.js';

let dovecot: Dovecot;
let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let accounts: AccountsPage;
let mailbox: MailboxPage;

beforeAll(async () => {
  dovecot = await startDovecot();
  const alice = await otherClient(dovecot, 'alice');
  for (let n = 1; n <= 3; n++) await alice.append('INBOX', simpleMessage(n));
  await alice.logout();
});

afterAll(async () => {
  await dovecot?.stop();
});

beforeEach(async () => {
  app = await startApp(tempDir());
  browser = await openBrowser();
  accounts = new AccountsPage(browser.page);
  mailbox = new MailboxPage(browser.page);
});

// Here rather than in onTestFailed: vitest runs those after afterEach, when the browser is already closed.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
});

/** Discovery finds nothing for facteur.test (no DNS here), so a person types the settings from their admin. */
async function enterSettingsByHand(user: string, smtpPort: number): Promise<void> {
  await accounts.openDialog();
  await accounts.enterAddress(`${user}@facteur.test`, `${user[0]!.toUpperCase()}${user.slice(1)} Martin`);
  await accounts.findSettings();
  await expect.poll(() => accounts.nothingFound.textContent(), { timeout: 30_000 }).toContain('No settings were found for this address.');
  await accounts.enterByHand();
  await accounts.fillServer('incoming', { host: '127.0.0.1', port: dovecot.imapPort, security: 'starttls', username: user });
  // Nothing listens there: the outgoing side must fail, and say so in words.
  await accounts.fillServer('outgoing', { host: '127.0.0.1', port: smtpPort, security: 'none', username: user });
  await accounts.pasteCertificateAuthority(dovecot.certPem);
  await accounts.continueToPassword();
}

describe('adding a mail account', () => {
  it('adds an IMAP account by hand, tests both servers, keeps it and shows its Inbox without a reload', async () => {
    await accounts.open(app.url);
    await enterSettingsByHand('alice', await freePort());
    await accounts.addAndTest(PASSWORD);

    await expect.poll(() => accounts.outcomeText('incoming')).toBe('Connected securely');
    expect(await accounts.outcome('incoming').getAttribute('data-ok')).toBe('true');
    expect(await accounts.outcome('outgoing').getAttribute('data-code')).toBe('CONNECT_FAILED');
    expect(await accounts.outcomeText('outgoing')).toBe(
      'The server could not be reached. Check the port, your firewall and your internet connection.',
    );
    await screenshot(browser.page, 'add-account-tested');

    await accounts.button('keep-anyway').click();
    await accounts.dialog.waitFor({ state: 'detached' });
    const inbox = accounts.accountFolder('Alice Martin', 'inbox');
    await expect.poll(() => inbox.getAttribute('data-unread'), { timeout: 30_000 }).toBe('3');
    await expect.poll(() => accounts.accountStatusText('Alice Martin'), { timeout: 30_000 }).toBe('Up to date');
    await inbox.click();
    await expect.poll(() => mailbox.rows.count()).toBe(3);
    await expect.poll(() => mailbox.row('Message number 2').count()).toBe(1);

    // The account's context menu: sending an empty Outbox says there was nothing to send.
    const menu = await accounts.openAccountMenu('Alice Martin');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Get mail now', 'Send all from the Outbox']);
    await menu.getByRole('menuitem', { name: 'Send all from the Outbox' }).click();
    await expect.poll(() => accounts.accountStatusText('Alice Martin')).toBe('Outbox: nothing to send');
    await screenshot(browser.page, 'account-added-inbox');
  });

  it('says the server refused the password, shows the password nowhere, and takes the account back on "Edit settings"', async () => {
    const wrong = 'Wrong-Horse-7319';
    await accounts.open(app.url);
    await enterSettingsByHand('bob', await freePort());
    await accounts.addAndTest(wrong);

    await expect.poll(() => accounts.outcome('incoming').getAttribute('data-code')).toBe('AUTH_FAILED');
    expect(await accounts.outcomeText('incoming')).toBe('The server refused the user name or password.');
    const text = await browser.page.evaluate(() => `${document.body.innerText}\n${document.body.textContent}`);
    expect(text).not.toContain(wrong);
    // Not in the markup either: the password field is never given a value attribute.
    expect(await browser.page.content()).not.toContain(wrong);

    await expect.poll(() => accounts.accountGroup('Bob Martin').count()).toBe(1);
    await accounts.button('edit-settings').click();
    await accounts.button('settings-form').waitFor();
    await expect.poll(() => accounts.accountGroup('Bob Martin').count()).toBe(0);
  });

  it('speaks French when the window does, down to the validation messages, and closes on Esc', async () => {
    await accounts.open(app.url);
    await mailbox.language.selectOption('fr');
    await expect.poll(() => accounts.addButton.textContent()).toBe('Ajouter un compte');
    await accounts.openDialog();
    expect(await accounts.title.textContent()).toBe('Ajouter un compte de messagerie');
    expect(await accounts.button('find-settings').textContent()).toBe('Rechercher les paramètres');
    expect(await accounts.button('by-hand').textContent()).toBe('Saisir les paramètres à la main');

    await accounts.enterAddress('carol@facteur.test');
    await accounts.findSettings();
    await expect.poll(() => accounts.nothingFound.textContent(), { timeout: 30_000 }).toContain('Aucun paramètre n’a été trouvé');
    await accounts.enterByHand();
    expect(await accounts.dialog.locator('legend').allTextContents()).toEqual(
      expect.arrayContaining(['Courrier entrant', 'Courrier sortant (SMTP)', 'Options']),
    );
    await accounts.fillServer('incoming', { host: 'mail.example.com', port: 143, security: 'none', username: 'carol' });
    await accounts.button('settings-continue').click();
    await expect.poll(() => accounts.button('settings-form').getByTestId('field-problem').first().textContent()).toBe(
      'Le serveur mail.example.com serait joint sans chiffrement. Choisissez TLS ou STARTTLS : les connexions non chiffrées ne sont permises que vers cet ordinateur.',
    );
    expect(await accounts.button('setup-cancel').textContent()).toBe('Annuler');
    await screenshot(browser.page, 'add-account-french');

    await browser.page.keyboard.press('Escape');
    await accounts.dialog.waitFor({ state: 'detached' });
  });

  it("offers a known provider's settings with the OAuth2 note, and carries the chosen one to the password step", async () => {
    // Matched by domain from the bundled presets: no network is needed.
    await accounts.open(app.url);
    await accounts.openDialog();
    await accounts.enterAddress('someone@gmail.com');
    await accounts.findSettings();
    const first = accounts.dialog.getByTestId('candidate').first();
    await expect.poll(() => first.textContent(), { timeout: 30_000 }).toContain('IMAP · imap.gmail.com:993 · TLS');
    expect(await first.getByTestId('oauth-note').textContent()).toContain('create an app password');
    await accounts.button('use-candidate').click();
    await accounts.button('account-password').waitFor();
    expect(await accounts.button('server-summary').textContent()).toContain('SMTP · smtp.gmail.com:465 · TLS');
    await accounts.button('setup-cancel').click();
    await accounts.dialog.waitFor({ state: 'detached' });
  });
});
