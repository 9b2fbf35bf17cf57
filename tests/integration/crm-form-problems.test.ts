import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../src-shared/contract/index.js';
import { problemsOf } from '../../src-renderer/features/crm/form/engine-problems.js';
import { openTestEngine, type TestEngine } from '../helpers/engine.js';

/**
 * Given the engine's refusals of what a CRM form sent, the form knows which field each is about and what kind of
 * problem it is (so it can say it in the person's language), and which contact already has an address.
 */

let t: TestEngine;

beforeEach(async () => {
  t = await openTestEngine();
});

afterEach(async () => {
  await t.engine.close();
});

async function refusal(call: Promise<unknown>): Promise<ContractError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContractError);
  return error as ContractError;
}

describe("the CRM form's reading of the engine's refusals", () => {
  it('puts a bad address beside its field, and a missing subject beside its own', async () => {
    const contact = problemsOf(await refusal(t.api.contacts.create({ firstName: 'Ana', email: 'ana.exemplu.ro', email2: 'ok@exemplu.ro' })));
    expect(contact.form).toBeNull();
    expect(Object.keys(contact.fields)).toEqual(['email']);
    expect(contact.fields.email!.kind).toBe('email');

    const ana = await t.api.contacts.create({ firstName: 'Ana', email: 'ana@exemplu.ro' });
    const ticket = problemsOf(await refusal(t.api.tickets.create({ subject: '  ', requesterId: ana.id })));
    expect(ticket.fields.subject!.kind).toBe('required');
  });

  it("gives the rule across fields to the whole form, as a rule the form can name", async () => {
    const nameless = problemsOf(await refusal(t.api.contacts.create({ notes: 'sans nom' })));
    expect(nameless.fields).toEqual({});
    expect(nameless.form).toEqual({ kind: 'rule', message: 'A contact needs a name or an email address' });

    const backwards = problemsOf(await refusal(t.api.events.create({ title: 'Salon', startsAt: '2026-12-02T10:00:00.000Z', endsAt: '2026-12-01T10:00:00.000Z' })));
    expect(backwards.form?.kind).toBe('rule');
  });

  it("names the contact that already has the address, and keeps the engine's words for what it cannot name", async () => {
    const ana = await t.api.contacts.create({ firstName: 'Ana', email: 'ana@exemplu.ro' });
    const duplicate = problemsOf(await refusal(t.api.contacts.create({ firstName: 'Ana bis', email: 'ANA@exemplu.ro' })));
    expect(duplicate.form?.kind).toBe('duplicate');
    expect(duplicate.duplicateOf).toBe(ana.id);

    const currency = problemsOf(await refusal(t.api.deals.create({ title: 'Imprimantes', currency: 'euro' })));
    expect(currency.fields.currency).toEqual({ kind: 'other', message: 'A currency is three capital letters, such as EUR or RON' });

    const missing = problemsOf(await refusal(t.api.contacts.get({ id: 999 })));
    expect(missing.form?.kind).toBe('other');
    expect(missing.fields).toEqual({});
  });
});
