import type { Contact, RecordType } from '../../../src-shared/contract/index.js';
import { idArgument, type CliContext } from '../context.js';
import { printJson, printLine, UsageError } from '../output.js';

const contactName = (c: Contact) => `${c.firstName} ${c.lastName}`.trim() || c.email || `contact ${c.id}`;

/** `facteur contacts add --first F --last L --email E [--email2 E2] [--company NAME] | list [QUERY]`. */
export async function contactsCommand(ctx: CliContext): Promise<number> {
  const [verb, ...rest] = ctx.args;
  const { engine, client } = await ctx.open();
  try {
    if (verb === 'add') {
      const o = ctx.options;
      const contact = await client.api.contacts.create({
        firstName: o.first ?? '', lastName: o.last ?? '', email: o.email ?? null, email2: o.email2 ?? null,
        ...(o.company ? { companyName: o.company } : {}),
      });
      if (o.json) printJson(contact);
      else printLine(`Contact ${contact.id}: ${contactName(contact)}${contact.companyName ? ` (${contact.companyName})` : ''}`);
      return 0;
    }
    if (verb === 'list' || verb === undefined) {
      const { items, total } = await client.api.contacts.list({ query: rest.join(' '), limit: 500 });
      if (ctx.options.json) printJson(items);
      else {
        for (const c of items) printLine(`${String(c.id).padStart(6)}  ${contactName(c).padEnd(30)} ${(c.email ?? '').padEnd(32)} ${c.companyName ?? ''}`);
        printLine(`${total} contact${total === 1 ? '' : 's'}`);
      }
      return 0;
    }
    throw new UsageError('contacts takes add or list.');
  } finally {
    await engine.close();
  }
}

/** `facteur companies list [QUERY] | add NAME`. */
export async function companiesCommand(ctx: CliContext): Promise<number> {
  const [verb, ...rest] = ctx.args;
  const { engine, client } = await ctx.open();
  try {
    if (verb === 'add') {
      if (rest.length === 0) throw new UsageError('companies add takes the company name.');
      const company = await client.api.companies.create({ name: rest.join(' ') });
      if (ctx.options.json) printJson(company);
      else printLine(`Company ${company.id}: ${company.name}`);
      return 0;
    }
    if (verb === 'list' || verb === undefined) {
      const { items, total } = await client.api.companies.list({ query: rest.join(' '), limit: 500 });
      if (ctx.options.json) printJson(items);
      else {
        for (const c of items) printLine(`${String(c.id).padStart(6)}  ${c.name.padEnd(40)} ${c.contacts} contact${c.contacts === 1 ? '' : 's'}`);
        printLine(`${total} compan${total === 1 ? 'y' : 'ies'}`);
      }
      return 0;
    }
    throw new UsageError('companies takes add or list.');
  } finally {
    await engine.close();
  }
}

const LINKABLE = ['contact', 'company', 'ticket', 'task', 'lead', 'deal', 'event'] as const;

function target(ctx: CliContext): { type: RecordType; id: number } {
  const given = LINKABLE.filter((type) => ctx.options[type] !== undefined);
  if (given.length !== 1) throw new UsageError('Name one record: --contact, --company, --ticket, --task, --lead, --deal or --event ID.');
  const type = given[0]!;
  return { type, id: idArgument(ctx.options[type], `${type} id`) };
}

/** `facteur link|unlink MESSAGE_ID --contact|--company|--ticket|--task|--lead|--deal|--event ID`: file a message under a record by hand, or take it out. */
export function linkCommand(remove: boolean) {
  return async (ctx: CliContext): Promise<number> => {
    const messageId = idArgument(ctx.args[0], 'message id');
    const record = target(ctx);
    const { engine, client } = await ctx.open();
    try {
      const input = { messageId, ...record };
      const { items } = remove ? await client.api.links.remove(input) : await client.api.links.add(input);
      if (ctx.options.json) printJson(items);
      else for (const l of items) printLine(`${l.type} ${l.id} ${l.name} (${l.reason})`);
      return 0;
    } finally {
      await engine.close();
    }
  };
}
