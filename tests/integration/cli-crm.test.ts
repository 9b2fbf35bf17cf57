import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Company, Contact, MessageDetail, MessageLink, Task, Ticket } from '../../src-shared/contract/index.js';
import { runCli, runCliJson } from '../helpers/cli.js';
import { frenchInvoiceMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';

describe('records from the command line', () => {
  it('adds a contact whose earlier mail is filed under it, lists records, and links and unlinks by hand', () => {
    const data = tempDir();
    const file = join(tempDir(), 'facture.eml');
    writeFileSync(file, frenchInvoiceMessage());
    const [stored] = runCliJson<Array<{ id: number }>>(data, ['ingest', file]);

    const contact = runCliJson<Contact>(data, ['contacts', 'add', '--first', 'Renée', '--last', 'Façade', '--email', 'renee@exemple.fr', '--company', 'Exemple SARL']);
    expect(contact).toMatchObject({ firstName: 'Renée', email: 'renee@exemple.fr', companyName: 'Exemple SARL' });
    const shown = runCliJson<MessageDetail>(data, ['show', String(stored!.id)]);
    expect(shown.private).toBe(false);
    expect(shown.links.map((l) => [l.type, l.name, l.reason])).toEqual([['contact', 'Renée Façade', 'address'], ['company', 'Exemple SARL', 'address']]);

    expect(runCliJson<Contact[]>(data, ['contacts', 'list', 'faç']).map((c) => c.id)).toEqual([contact.id]);
    const companies = runCliJson<Company[]>(data, ['companies', 'list']);
    expect(companies.map((c) => [c.name, c.contacts])).toEqual([['Exemple SARL', 1]]);
    const other = runCliJson<Company>(data, ['companies', 'add', 'Cabinet Comptable']);

    const linked = runCliJson<MessageLink[]>(data, ['link', String(stored!.id), '--company', String(other.id)]);
    expect(linked.find((l) => l.id === other.id)).toMatchObject({ reason: 'manual' });
    const unlinked = runCliJson<MessageLink[]>(data, ['unlink', String(stored!.id), '--company', String(other.id)]);
    expect(unlinked.some((l) => l.id === other.id)).toBe(false);

    const duplicate = runCli(data, ['contacts', 'add', '--first', 'Autre', '--email', 'RENEE@exemple.fr']);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toContain('already the address of Renée Façade');
    expect(duplicate.stderr).toContain('[CONFLICT]');
    expect(runCli(data, ['link', String(stored!.id)]).stderr).toContain('Name one record: --contact, --company, --ticket');
  });

  it('opens tickets and tasks from an email, lists them, and files another email under the ticket by its id', () => {
    const data = tempDir();
    const file = join(tempDir(), 'facture.eml');
    writeFileSync(file, frenchInvoiceMessage());
    const [stored] = runCliJson<Array<{ id: number }>>(data, ['ingest', file]);
    const contact = runCliJson<Contact>(data, ['contacts', 'add', '--first', 'Renée', '--email', 'renee@exemple.fr']);

    const ticket = runCliJson<Ticket>(data, ['tickets', 'add', '--subject', 'Facture en double', '--requester', String(contact.id), '--queue', 'Facturation', '--message', String(stored!.id)]);
    expect(ticket).toMatchObject({ number: 1, status: 'open', queue: 'Facturation', requesterName: 'Renée', messages: 1 });
    const human = runCli(data, ['tickets', 'list', 'double']);
    expect(human.stdout).toMatch(/#1\s+open\s+Facture en double\s+Renée\s+Facturation/);
    expect(runCliJson<Ticket[]>(data, ['tickets', 'list', '--status', 'closed'])).toEqual([]);

    const task = runCliJson<Task>(data, ['tasks', 'add', '--title', 'Envoyer un avoir', '--category', 'comptabilité', '--due', '2026-12-01', '--contact', String(contact.id), '--message', String(stored!.id)]);
    expect(task).toMatchObject({ status: 'todo', category: 'comptabilité', dueAt: expect.stringMatching(/^2026-12-01T/), related: [{ type: 'contact', id: contact.id }] });
    expect(runCliJson<Task[]>(data, ['tasks', 'list', '--category', 'comptabilité']).map((t) => t.id)).toEqual([task.id]);
    expect(runCli(data, ['tasks', 'add', '--title', 'X', '--due', 'demain']).stderr).toContain('Give the due date as a date such as 2026-12-01');

    const shown = runCliJson<MessageDetail>(data, ['show', String(stored!.id)]);
    expect(shown.links.map((l) => `${l.type}:${l.reason}`)).toEqual(['contact:address', 'ticket:manual', 'task:manual']);
    const unlinked = runCliJson<MessageLink[]>(data, ['unlink', String(stored!.id), '--ticket', String(ticket.id)]);
    expect(unlinked.map((l) => l.type)).toEqual(['contact', 'task']);
    const relinked = runCliJson<MessageLink[]>(data, ['link', String(stored!.id), '--ticket', String(ticket.id)]);
    expect(relinked.find((l) => l.type === 'ticket')).toMatchObject({ name: '#1 Facture en double', reason: 'manual' });
  });
});
