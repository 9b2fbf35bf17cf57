import { afterEach, describe, expect, it } from 'vitest';
import { seededDataDir } from '../helpers/seeded-data-dir.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { MailboxPage } from './mailbox-page.js';
import { TemplatesPage } from './templates-page.js';

/**
 * Given a French office (agent Jean Martin, an outgoing category "Devis", Marie of Boulangerie Lefèvre and Ion who
 * has no company), the agent opens the Templates folder, writes an offer with merge fields inserted from the menu,
 * sees it filled for Marie and then for Ion (whose missing company is marked and listed), saves it, finds it in the
 * list with its preview, renames it and gives it a file, and deletes it.
 */

let app: RunningApp | undefined;
let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
  browser = undefined;
  app = undefined;
});

describe('templates in the mailbox', () => {
  it('are written with merge fields from the menu and previewed for a contact, missing fields marked', async () => {
    app = await startApp(
      await seededDataDir(async ({ api, engine }) => {
        await api.agents.update({ id: engine.defaultAgentId, name: 'Jean Martin', email: 'jean@facteur.test', locale: 'fr' });
        await api.categories.create({ name: 'Devis', direction: 'out', family: 'Ventes' });
        await api.contacts.create({ firstName: 'Marie', lastName: 'Lefèvre', email: 'marie@boulangerie.fr', companyName: 'Boulangerie Lefèvre' });
        await api.contacts.create({ firstName: 'Ion', lastName: 'Popescu', email: 'ion@exemplu.ro' });
      }),
    );
    browser = await openBrowser();
    const page = browser.page;
    const mailbox = new MailboxPage(page);
    const templates = new TemplatesPage(page);
    await mailbox.open(app.url);

    await mailbox.openFolder('templates');
    await templates.list.getByTestId('template-list-empty').waitFor();
    expect(await page.getByTestId('reading-pane').count()).toBe(0);

    await page.getByTestId('template-new').click();
    const editor = templates.editor;
    await editor.getByTestId('template-name').fill('Offre de prix');
    await editor.getByTestId('template-subject').fill('Devis pour ');
    await templates.insertField('company.name');
    expect(await editor.getByTestId('template-subject').inputValue()).toBe('Devis pour {{company.name}}');
    await templates.part('body').click();
    await page.keyboard.type('Voici notre offre, ');
    await templates.insertField('contact.firstName');
    await page.keyboard.type(', pour ');
    await templates.insertField('company.name');
    await page.keyboard.type('.');
    await editor.getByTestId('template-category').selectOption('Devis');

    // The new template starts with the greeting helper and a closing signed by the agent, in French.
    const preview = templates.preview(editor);
    await templates.previewFor(editor, 'lef', 'Marie Lefèvre');
    await expect.poll(() => preview.subject.innerText()).toBe('Devis pour Boulangerie Lefèvre');
    await expect.poll(() => preview.body().locator('body').innerText()).toMatch(/Bonjour Marie,\s+Voici notre offre, Marie, pour Boulangerie Lefèvre\.\s+Bien cordialement,\s+Jean Martin/);
    expect(await preview.missing.count()).toBe(0);
    await screenshot(page, 'templates-editor-preview');

    await templates.previewFor(editor, 'popescu', 'Ion Popescu');
    await expect.poll(() => preview.body().locator('body').innerText()).toContain('Bonjour Ion,');
    expect(await preview.missing.innerText()).toContain('Société — Nom de la société');
    expect(await preview.subject.innerText()).toBe('Devis pour {{company.name}}');
    expect(await preview.body().locator('body').innerText()).toContain('Voici notre offre, Ion, pour {{company.name}}.');
    expect(await preview.body().locator('mark.merge-missing').innerText()).toBe('{{company.name}}');

    // A field typed by hand with a spelling mistake is shown as unknown and the template is not saved with it.
    const subject = editor.getByTestId('template-subject');
    await subject.fill('Devis pour {{company.name}} ({{agent.nom}})');
    await expect.poll(() => preview.unknown.innerText()).toContain('{{agent.nom}}');
    await editor.getByTestId('template-save').click();
    await expect.poll(() => editor.getByTestId('template-problem').innerText()).toContain('{{agent.nom}}');
    await subject.fill('Devis pour {{company.name}}');
    await expect.poll(() => preview.unknown.count()).toBe(0);
    await editor.getByTestId('template-save').click();
    await editor.waitFor({ state: 'detached' });

    // Saved: listed with its category, and previewed for the contact chosen before, the missing company marked.
    const row = templates.row('Offre de prix');
    expect(await row.innerText()).toContain('Devis');
    const pane = page.getByTestId('template-preview-pane');
    const saved = templates.preview(pane);
    await expect.poll(() => saved.body().locator('mark.merge-missing').allInnerTexts()).toEqual(['{{company.name}}']);
    expect(await saved.missing.innerText()).toContain('Nom de la société');
    await templates.previewFor(pane, 'marie', 'Marie Lefèvre');
    await expect.poll(() => saved.subject.innerText()).toBe('Devis pour Boulangerie Lefèvre');
    await expect.poll(() => saved.body().locator('mark').count()).toBe(0);
    await screenshot(page, 'templates-list-preview');

    // Edit: the parts come back as saved; a new name is kept.
    await row.dblclick();
    await expect.poll(() => templates.part('body').innerText()).toBe('Voici notre offre, {{contact.firstName}}, pour {{company.name}}.');
    await editor.getByTestId('template-name').fill('Offre de prix 2026');
    await editor.getByTestId('template-attach-input').setInputFiles({ name: 'Conditions générales.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 conditions') });
    await editor.getByTestId('template-attachment').filter({ hasText: 'Conditions générales.pdf' }).waitFor();
    await editor.getByTestId('template-save').click();
    await editor.waitFor({ state: 'detached' });
    // The file is the template's now: it comes back with it.
    await templates.row('Offre de prix 2026').dblclick();
    await expect.poll(() => editor.getByTestId('template-attachment').allInnerTexts()).toEqual([expect.stringContaining('Conditions générales.pdf')]);
    await editor.getByTestId('template-cancel').click();

    await page.getByTestId('template-delete').click();
    await page.getByTestId('confirm-ok').click();
    await templates.list.getByTestId('template-list-empty').waitFor();
  });
});
