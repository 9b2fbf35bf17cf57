import { describe, expect, it } from 'vitest';
import type { Contact, MessageLink } from '../../src-shared/contract/index.js';
import { isoToLocalInput, localInputToIso } from '../../src-renderer/features/crm-actions/local-datetime.js';
import { correspondent, pickCorrespondentContact } from '../../src-renderer/features/crm-actions/sender.js';
import { parseTicketNumber } from '../../src-renderer/features/crm-actions/ticket-number.js';
import { eventInput, newWorkDraft, taskInput, type WorkDraft } from '../../src-renderer/features/crm-actions/work-draft.js';

function contact(id: number, email: string | null, more: Partial<Contact> = {}): Contact {
  return {
    id,
    firstName: `Prénom${id}`,
    lastName: `Nom${id}`,
    email,
    email2: null,
    phones: [],
    companyId: null,
    companyName: null,
    notes: '',
    addressStates: [],
    deleted: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...more,
  };
}

const link = (type: MessageLink['type'], id: number, name = `${type} ${id}`): MessageLink => ({ type, id, name, reason: 'address' });
const ana = { name: 'Ana Pop', address: 'ana@exemplu.ro' };
const office = { name: 'Céline', address: 'celine@facteur.test' };

describe('the contact an email is about', () => {
  it('is the sender of received mail and the first recipient of sent mail', () => {
    expect(correspondent({ direction: 'in', from: ana, to: [office] })).toEqual(ana);
    expect(correspondent({ direction: 'out', from: office, to: [ana, { name: '', address: 'x@y.fr' }] })).toEqual(ana);
    expect(correspondent({ direction: 'out', from: office, to: [] })).toBeNull();
  });

  it('is the contact with the sender’s address, whatever its case, on either of its addresses', () => {
    const mail = { direction: 'in' as const, from: { name: 'Ana', address: 'Ana@Exemplu.RO' }, to: [office], links: [link('contact', 9), link('contact', 2)] };
    expect(pickCorrespondentContact(mail, [contact(2, 'someone@else.ro', { email2: 'ana@exemplu.ro' })])).toEqual({ id: 2, name: 'Prénom2 Nom2' });
    // A deleted contact no longer stands for anyone.
    expect(pickCorrespondentContact(mail, [contact(2, 'ana@exemplu.ro', { deleted: true })])).toBeNull();
  });

  it('between two contacts sharing the address, takes the one the email is filed under, else none', () => {
    const shared = [contact(3, 'contact@acme.fr'), contact(4, 'contact@acme.fr')];
    const from = { name: '', address: 'contact@acme.fr' };
    expect(pickCorrespondentContact({ direction: 'in', from, to: [], links: [link('contact', 4), link('company', 1)] }, shared)?.id).toBe(4);
    expect(pickCorrespondentContact({ direction: 'in', from, to: [], links: [link('contact', 3), link('contact', 4)] }, shared)).toBeNull();
  });

  it('for a generic address no contact has, is the one contact the email was filed under by hand', () => {
    const from = { name: 'Formulaire', address: 'noreply@site.fr' };
    expect(pickCorrespondentContact({ direction: 'in', from, to: [], links: [link('contact', 7, 'Jean Dupont'), link('company', 1)] }, [])).toEqual({ id: 7, name: 'Jean Dupont' });
    expect(pickCorrespondentContact({ direction: 'in', from, to: [], links: [link('contact', 7), link('contact', 8)] }, [])).toBeNull();
    expect(pickCorrespondentContact({ direction: 'in', from: null, to: [], links: [] }, [])).toBeNull();
  });
});

describe('a ticket number typed in the search', () => {
  it('is read as people quote it', () => {
    for (const typed of ['1042', ' #1042 ', 'ticket 1042', 'Ticket #1042', 'n° 1042', 'no. 1042', 'nr. 1042', 'tichetul 1042']) {
      expect(parseTicketNumber(typed), typed).toBe(1042);
    }
  });

  it('is not found in words, zero or dates', () => {
    for (const typed of ['', 'imprimante 1042', '1042 facture', '0', '#', '2026-11-12', '12 13']) {
      expect(parseTicketNumber(typed), typed).toBeNull();
    }
  });
});

describe('dates typed in the forms', () => {
  it('are the machine’s wall-clock time, sent as an instant and shown back unchanged', () => {
    expect(localInputToIso('2026-11-12T14:30')).toBe(new Date(2026, 10, 12, 14, 30).toISOString());
    expect(isoToLocalInput(localInputToIso('2026-03-29T02:45') ?? '')).toMatch(/^2026-03-29T0[23]:45$/);
    expect(isoToLocalInput(localInputToIso('2026-11-12T09:05')!)).toBe('2026-11-12T09:05');
  });

  it('refuse what is not a date and time', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('2026-11-12')).toBeNull();
    expect(localInputToIso('2026-13-40T25:00')).toBeNull();
    expect(localInputToIso('demain 14h')).toBeNull();
  });
});

describe('a task or an event drafted from an email', () => {
  const draft: WorkDraft = { title: '  Rappeler Ana ', category: ' appel ', due: '', starts: '', ends: '', location: ' Bureau ', assigneeId: 3 };
  const related = [{ type: 'contact' as const, id: 7 }];

  it('becomes the contract input, trimmed, with the email and its contact', () => {
    expect(taskInput(draft, 12, related)).toEqual({ title: 'Rappeler Ana', category: 'appel', dueAt: null, assigneeId: 3, related, messageId: 12 });
    expect(taskInput({ ...draft, due: '2026-11-12T10:00' }, 12, [])).toMatchObject({ dueAt: new Date(2026, 10, 12, 10).toISOString(), related: [] });
  });

  it('says what is missing or wrong before asking the engine', () => {
    expect(taskInput({ ...draft, title: '   ' }, 12, related)).toBe('title');
    expect(taskInput({ ...draft, due: '12/11/2026' }, 12, related)).toBe('due');
    expect(eventInput(draft, 12, related)).toBe('starts');
    expect(eventInput({ ...draft, starts: '2026-11-12T10:00', ends: '2026-11-12T09:00' }, 12, related)).toBe('order');
    expect(eventInput({ ...draft, starts: '2026-11-12T10:00', ends: 'x' }, 12, related)).toBe('ends');
  });

  it('opens with the email\'s subject and, for an event, a start at the next full hour, which the engine takes as it is', () => {
    const opened = newWorkDraft('Rendez-vous chantier', new Date(2026, 10, 12, 14, 20, 31));
    expect(opened).toMatchObject({ title: 'Rendez-vous chantier', starts: '2026-11-12T15:00', ends: '', due: '' });
    expect(eventInput(opened, 12, related)).toMatchObject({ startsAt: new Date(2026, 10, 12, 15).toISOString(), endsAt: null });
    // At the hour itself the next one; late in the evening, tomorrow's first.
    expect(newWorkDraft('x', new Date(2026, 10, 12, 9, 0, 0, 0)).starts).toBe('2026-11-12T10:00');
    expect(newWorkDraft('x', new Date(2026, 11, 31, 23, 40)).starts).toBe('2027-01-01T00:00');
  });

  it('an event keeps its place and its end', () => {
    expect(eventInput({ ...draft, starts: '2026-11-12T10:00', ends: '2026-11-12T11:30' }, 12, related)).toEqual({
      title: 'Rappeler Ana',
      startsAt: new Date(2026, 10, 12, 10).toISOString(),
      endsAt: new Date(2026, 10, 12, 11, 30).toISOString(),
      location: 'Bureau',
      related,
      messageId: 12,
    });
  });
});
