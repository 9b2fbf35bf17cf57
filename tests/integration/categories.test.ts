import { describe, expect, it } from 'vitest';
import { openTestEngine } from '../helpers/engine.js';
import { simpleMessage } from '../helpers/mail.js';

describe('categories', () => {
  it('are kept per direction and family, refuse a duplicate name, and a rename follows onto the messages', async () => {
    const { api, engine } = await openTestEngine();
    const ids = [];
    for (const n of [1, 2, 3]) ids.push((await api.messages.ingest({ raw: simpleMessage(n).toString('base64') })).id);

    const devis = await api.categories.create({ name: 'Devis', family: 'Ventes', direction: 'in', color: 'green' });
    await api.categories.create({ name: 'Réclamation', family: 'Support', direction: 'in' });
    // The same name for outgoing mail is another category.
    const outgoing = await api.categories.create({ name: 'Devis', family: 'Ventes', direction: 'out' });
    await expect(api.categories.create({ name: 'devis', direction: 'in' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already an incoming category named "devis"') });
    expect((await api.categories.list()).items.map((c) => [c.direction, c.family, c.name])).toEqual([
      ['in', 'Support', 'Réclamation'],
      ['in', 'Ventes', 'Devis'],
      ['out', 'Ventes', 'Devis'],
    ]);

    expect(await api.messages.setCategory({ ids: [ids[0]!, ids[1]!], category: 'Devis' })).toEqual({ updated: 2 });
    const found = await api.messages.search({ query: 'devis', field: 'category' });
    expect(found.items.map((m) => m.id).sort()).toEqual([ids[0], ids[1]].sort());

    // A template that sends as the outgoing "Devis" keeps doing so under its new name; incoming renames leave it.
    const template = await api.templates.create({ name: 'Devis standard', subject: 'Votre devis', category: 'Devis' });
    await api.categories.update({ id: devis.id, name: 'Offre' });
    expect((await api.templates.get({ id: template.id })).category).toBe('Devis');
    await api.categories.update({ id: outgoing.id, name: 'Proposition' });
    expect((await api.templates.get({ id: template.id })).category).toBe('Proposition');
    expect((await api.messages.get({ id: ids[0]! })).category).toBe('Offre');
    const listed = await api.messages.list({ view: 'inboxes', sort: { by: 'category', dir: 'desc' } });
    expect(listed.items.map((m) => m.category)).toEqual(['Offre', 'Offre', null]);

    await api.messages.setCategory({ ids: [ids[1]!], category: null });
    expect((await api.messages.get({ id: ids[1]! })).category).toBeNull();
    expect(await api.categories.delete({ id: devis.id })).toEqual({ deleted: true });
    // The message keeps the name as it was.
    expect((await api.messages.get({ id: ids[0]! })).category).toBe('Offre');
    await engine.close();
  });
});
