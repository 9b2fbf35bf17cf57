import { describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../src-shared/contract/index.js';
import { chooseAccount, sendableAccounts } from '../../src-main/engine/compose/account-choice.js';
import { isSendableAddress } from '../../src-main/engine/compose/address-check.js';
import { replyRecipients } from '../../src-main/engine/compose/reply-recipients.js';
import { forwardSubject, replySubject } from '../../src-main/engine/compose/subject-prefix.js';

describe('reply and forward subjects', () => {
  it.each([
    ['Devis chantier', 'Re: Devis chantier'],
    ['Re: Devis chantier', 'Re: Devis chantier'],
    ['RE : Devis chantier', 'RE : Devis chantier'],
    ['re:Devis', 're:Devis'],
    ['Re[2]: Devis', 'Re[2]: Devis'],
    ['Răs: Comandă 17', 'Răs: Comandă 17'],
    ['AW: Angebot', 'AW: Angebot'],
    ['TR: Facture', 'Re: TR: Facture'],
    ['Fwd: Facture', 'Re: Fwd: Facture'],
    ['Réunion lundi', 'Re: Réunion lundi'],
    ['Return of goods', 'Re: Return of goods'],
    ['', 'Re:'],
  ])('a reply to "%s" is "%s"', (subject, expected) => {
    expect(replySubject(subject)).toBe(expected);
  });

  it.each([
    ['Facture', 'Fwd: Facture'],
    ['Fwd: Facture', 'Fwd: Facture'],
    ['TR: Facture', 'TR: Facture'],
    ['FW: Facture', 'FW: Facture'],
    ['WG: Rechnung', 'WG: Rechnung'],
    ['Re: Facture', 'Fwd: Re: Facture'],
    ['Tracteur à vendre', 'Fwd: Tracteur à vendre'],
  ])('a forward of "%s" is "%s"', (subject, expected) => {
    expect(forwardSubject(subject)).toBe(expected);
  });
});

describe('sendable addresses', () => {
  it.each(['elodie@exemple.fr', 'jean-pierre.dupont+devis@mail.exemple.fr', "o'brien@firm.ie", 'ion.popescu@firmă.ro', 'x@xn--firm-0ra.ro'])('%s can be sent to', (a) => {
    expect(isSendableAddress(a)).toBe(true);
  });
  it.each(['elodie@exemple', 'ana popescu@firma.ro', 'elodie', '@exemple.fr', 'elodie@', 'a..b@exemple.fr', '.a@exemple.fr', 'a@-exemple.fr', 'a@exemple.f', 'élodie@exemple.fr', 'a@b@exemple.fr'])(
    '%s is refused',
    (a) => {
      expect(isSendableAddress(a)).toBe(false);
    },
  );
});

describe('who a reply goes to', () => {
  const own = new Set(['alice@facteur.test', 'support@facteur.test']);
  const elodie = { name: 'Élodie Lefèvre', address: 'elodie@exemple.fr' };
  const marc = { name: 'Marc', address: 'marc@exemple.fr' };
  const alice = { name: 'Alice', address: 'Alice@Facteur.test' };
  const support = { name: 'Support', address: 'support@facteur.test' };

  it('answers the sender, or the Reply-To addresses the sender named', () => {
    expect(replyRecipients({ from: elodie, to: [alice], cc: [marc], replyTo: [] }, 'reply', own)).toEqual({ to: [elodie], cc: [] });
    const desk = { name: 'Comenzi', address: 'comenzi@firma.ro' };
    expect(replyRecipients({ from: elodie, to: [alice], cc: [], replyTo: [desk] }, 'reply', own)).toEqual({ to: [desk], cc: [] });
  });

  it('answers everyone but the agent, each once, keeping Cc in Cc', () => {
    const ioana = { name: 'Ioana', address: 'ioana@firma.ro' };
    const result = replyRecipients({ from: elodie, to: [alice, ioana, { ...elodie, name: 'E.' }], cc: [marc, support, { name: '', address: 'IOANA@firma.ro' }], replyTo: [] }, 'reply-all', own);
    expect(result).toEqual({ to: [elodie, ioana], cc: [marc] });
  });

  it('answering one\'s own sent message writes to its recipients again', () => {
    expect(replyRecipients({ from: alice, to: [elodie], cc: [marc], replyTo: [] }, 'reply', own)).toEqual({ to: [elodie], cc: [] });
    expect(replyRecipients({ from: alice, to: [elodie], cc: [marc], replyTo: [] }, 'reply-all', own)).toEqual({ to: [elodie], cc: [marc] });
    // A note to oneself goes to oneself.
    expect(replyRecipients({ from: alice, to: [alice], cc: [], replyTo: [] }, 'reply', own)).toEqual({ to: [alice], cc: [] });
  });
});

describe('the account a message is written from', () => {
  const account = (id: number, agentIds: number[]): AccountInfo => ({
    id,
    name: `account ${id}`,
    email: `a${id}@facteur.test`,
    agentIds,
    hasSecret: true,
    settings: {} as AccountInfo['settings'],
  });
  const mine = account(1, [7]);
  const publicOne = account(2, []);
  const colleagues = account(3, [8]);
  const shared = account(4, [7, 8]);
  const all = [mine, publicOne, colleagues, shared];

  it('offers the agent its own accounts and the public ones', () => {
    expect(sendableAccounts(all, 7).map((a) => a.id)).toEqual([1, 2, 4]);
    expect(sendableAccounts(all, 9).map((a) => a.id)).toEqual([2]);
  });

  it('answers from the account the original arrived on: settled when it is the agent\'s own, a preselected choice otherwise', () => {
    const sendable = sendableAccounts(all, 7);
    expect(chooseAccount(sendable, 7, 1, 2)).toEqual({ account: mine, settled: true });
    expect(chooseAccount(sendable, 7, 2, 1)).toEqual({ account: publicOne, settled: false });
    expect(chooseAccount(sendable, 7, 4, 1)).toEqual({ account: shared, settled: false });
    // Arrived on an account the agent may not send from (Local Folders, a colleague's): the usual default.
    expect(chooseAccount(sendable, 7, 3, 4)).toEqual({ account: shared, settled: false });
  });

  it('otherwise takes the last one used, else the first; the only one is no question', () => {
    const sendable = sendableAccounts(all, 7);
    expect(chooseAccount(sendable, 7, null, 4)?.account.id).toBe(4);
    expect(chooseAccount(sendable, 7, null, 3)?.account.id).toBe(1);
    expect(chooseAccount(sendable, 7, null, null)?.account.id).toBe(1);
    expect(chooseAccount([publicOne], 9, null, null)).toEqual({ account: publicOne, settled: true });
    expect(chooseAccount([], 9, null, null)).toBeNull();
  });
});
