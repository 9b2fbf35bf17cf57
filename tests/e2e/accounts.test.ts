import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { dovecotTls, otherClient, PASSWORD } from '../helpers/mail-accounts.js';
import { simpleMessage } from '../helpers/mail.js';
import { freePort } from '../helpers/ports.js';
import { startSmtpReceiver } from '../helpers/smtp-receiver.js';
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

/** Messages waiting in each user's INBOX before the app first looks. */
const SEEDED = { alice: 3, dave: 2, erin: 1 };

beforeAll(async () => {
  // Sign-in with Google must fail for want of a client id, whatever the shell running the tests has set.
  delete process.env.FACTEUR_OAUTH_GOOGLE_CLIENT_ID;
  dovecot = await startDovecot();
  for (const [user, count] of Object.entries(SEEDED)) {
    const client = await otherClient(dovecot, user);
    for (let n = 1; n <= count; n++) await client.append('INBOX', simpleMessage(n));
    await client.logout();
  }
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

/**
 * Discovery finds nothing for facteur.test (no DNS here), so a person types the settings from their admin. With no
 * SMTP server at smtpPort, the plain setting makes the outgoing side fail with a clear reason.
 */
async function enterSettingsByHand(user: string, smtpPort: number, smtpSecurity: 'none' | 'starttls' = 'none'): Promise<void> {
  await accounts.openDialog();
  await accounts.enterAddress(`${user}@facteur.test`, `${user[0]!.toUpperCase()}${user.slice(1)} Martin`);
  await accounts.findSettings();
  await expect.poll(() => accounts.nothingFound.textContent(), { timeout: 30_000 }).toContain('No settings were found for this address.');
  await accounts.enterByHand();
  await accounts.fillServer('incoming', { host: '127.0.0.1', port: dovecot.imapPort, security: 'starttls', username: user });
  await accounts.fillServer('outgoing', { host: '127.0.0.1', port: smtpPort, security: smtpSecurity, username: user });
  await accounts.pasteCertificateAuthority(dovecot.certPem);
  await accounts.continueToPassword();
}

describe('adding a mail account', () => {
  it('adds an IMAP account by hand, tests both servers, keeps it and shows its Inbox without a reload', async () => {
    await accounts.open(app.url);
    await enterSettingsByHand('alice', await freePort());
    await accounts.addAndTest(PASSWORD);

    // Nothing listens on the SMTP port: the outgoing side fails, and says so in words.
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
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Get mail now', 'Send all from the Outbox', 'New folder…', 'Signature…', 'Remove account…']);
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

  it("offers a known provider's sign-in first, says which variable this installation lacks, and keeps the app password a click away", async () => {
    // Matched by domain from the bundled presets: no network is needed.
    await accounts.open(app.url);
    await accounts.openDialog();
    await accounts.enterAddress('someone@gmail.com');
    await accounts.findSettings();
    const first = accounts.dialog.getByTestId('candidate').first();
    await expect.poll(() => first.textContent(), { timeout: 30_000 }).toContain('IMAP · imap.gmail.com:993 · TLS');
    expect(await first.getByTestId('oauth-note').textContent()).toBe("Signs in on Google's own page, in your browser; an app password works too.");
    await accounts.button('use-candidate').click();

    // The provider's own sign-in is the main way; no password field until the person asks for one.
    const signIn = accounts.button('sign-in');
    await signIn.waitFor();
    expect(await signIn.textContent()).toBe('Sign in with Google');
    expect(await accounts.button('server-summary').textContent()).toContain('SMTP · smtp.gmail.com:465 · TLS');
    expect(await accounts.button('account-password').count()).toBe(0);
    await signIn.click();
    const failure = accounts.button('setup-failure');
    await expect.poll(() => failure.getAttribute('data-code'), { timeout: 30_000 }).toBe('UNAVAILABLE');
    expect(await failure.locator('p').textContent()).toBe('Sign-in with Google is not set up in this installation of Facteur.');
    expect(await failure.getByTestId('failure-message').textContent()).toContain('FACTEUR_OAUTH_GOOGLE_CLIENT_ID');
    // The engine refused before creating anything.
    expect(await accounts.accountGroup('someone@gmail.com').count()).toBe(0);
    await screenshot(browser.page, 'add-account-oauth-not-set-up');

    await accounts.button('use-app-password').click();
    await accounts.button('account-password').waitFor();
    expect(await accounts.button('setup-failure').count()).toBe(0);
    expect(await accounts.button('add-and-test').textContent()).toBe('Add and test');
    expect(await accounts.button('oauth-note').textContent()).toContain('create one in the security settings of your Google account');
    await accounts.button('setup-cancel').click();
    await accounts.dialog.waitFor({ state: 'detached' });
  });
});

describe('changing and removing a mail account', () => {
  it('fixes a refused password from the error line, in place: same account id, and its Inbox fills', async () => {
    const smtp = await startSmtpReceiver({ user: 'dave', pass: PASSWORD }, dovecotTls(dovecot));
    try {
      await accounts.open(app.url);
      await enterSettingsByHand('dave', smtp.port, 'starttls');
      await accounts.addAndTest('Not-The-Password-1');
      await expect.poll(() => accounts.outcome('incoming').getAttribute('data-code')).toBe('AUTH_FAILED');
      await accounts.button('keep-anyway').click();
      await accounts.dialog.waitFor({ state: 'detached' });

      const status = accounts.accountStatus('Dave Martin');
      await expect.poll(() => status.getAttribute('data-code'), { timeout: 30_000 }).toBe('AUTH_FAILED');
      const idBefore = await accounts.accountId('Dave Martin');
      expect(idBefore).toMatch(/^\d+$/);
      await status.getByTestId('account-edit').click();

      // The same dialog, on the servers, prefilled; the address and the protocol are the account's own.
      await accounts.button('settings-form').waitFor();
      expect(await accounts.title.textContent()).toBe('Edit account Dave Martin');
      expect(await accounts.button('account-name').inputValue()).toBe('Dave Martin');
      expect(await accounts.button('incoming-host').inputValue()).toBe('127.0.0.1');
      expect(await accounts.button('incoming-protocol').isDisabled()).toBe(true);
      expect(await accounts.dialog.textContent()).toContain('An account cannot switch between IMAP and POP3.');
      expect(await accounts.button('setup-back').count()).toBe(0);
      await screenshot(browser.page, 'edit-account-settings');

      await accounts.continueToPassword();
      expect(await accounts.dialog.textContent()).toContain('Leave empty to keep the saved password.');
      expect(await accounts.button('add-and-test').textContent()).toBe('Save and test');
      await screenshot(browser.page, 'edit-account-password');
      await accounts.addAndTest(PASSWORD);
      await expect.poll(() => accounts.outcome('incoming').getAttribute('data-ok')).toBe('true');
      expect(await accounts.outcome('outgoing').getAttribute('data-ok')).toBe('true');
      expect(await accounts.button('results-note').textContent()).toBe('The changes are saved and the account works. Facteur is now getting its mail.');
      await screenshot(browser.page, 'edit-account-tested');
      await accounts.button('setup-done').click();
      await accounts.dialog.waitFor({ state: 'detached' });

      const inbox = accounts.accountFolder('Dave Martin', 'inbox');
      await expect.poll(() => inbox.getAttribute('data-unread'), { timeout: 30_000 }).toBe(String(SEEDED.dave));
      await expect.poll(() => accounts.accountStatusText('Dave Martin'), { timeout: 30_000 }).toBe('Up to date');
      await inbox.click();
      await expect.poll(() => mailbox.rows.count()).toBe(SEEDED.dave);
      expect(await accounts.accountId('Dave Martin')).toBe(idBefore);
      expect(await accounts.accountGroup('Dave Martin').count()).toBe(1);
    } finally {
      await smtp.stop();
    }
  });

  it('removes an account from its context menu after saying what goes, and the tree drops it', async () => {
    await accounts.open(app.url);
    await enterSettingsByHand('erin', await freePort());
    await accounts.addAndTest(PASSWORD);
    await expect.poll(() => accounts.outcome('incoming').getAttribute('data-ok')).toBe('true');
    await accounts.button('keep-anyway').click();
    await accounts.dialog.waitFor({ state: 'detached' });
    const inbox = accounts.accountFolder('Erin Martin', 'inbox');
    await expect.poll(() => inbox.getAttribute('data-unread'), { timeout: 30_000 }).toBe(String(SEEDED.erin));

    const menu = await accounts.openAccountMenu('Erin Martin');
    await menu.getByRole('menuitem', { name: 'Remove account…' }).click();
    const confirm = accounts.removeDialog;
    await confirm.waitFor();
    expect(await confirm.getByRole('heading', { level: 2 }).textContent()).toBe('Remove the account Erin Martin?');
    expect(await confirm.getByTestId('remove-local').textContent()).toMatch(
      /^Facteur deletes what it keeps on this computer for erin@facteur\.test: 1 downloaded message in \d+ folders, and the saved password or sign-in\.$/,
    );
    expect(await confirm.getByTestId('remove-server').textContent()).toBe(
      'Nothing is deleted on the server: the mail stays on 127.0.0.1, and adding the account again downloads it again.',
    );
    expect(await confirm.getByTestId('remove-outbox').textContent()).toBe('Its Outbox is empty.');
    // Enter alone must not remove anything: Cancel has the focus.
    expect(await browser.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('remove-cancel');
    await screenshot(browser.page, 'remove-account-confirm');

    await confirm.getByTestId('remove-confirm').click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => accounts.accountGroup('Erin Martin').count()).toBe(0);
  });
});
