#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { makeContext, type CliContext } from './context.js';
import { accountCommand } from './commands/account.js';
import { dbCommand } from './commands/db.js';
import { syncCommand } from './commands/sync.js';
import { outboxCommand } from './commands/outbox.js';
import { composeCommand } from './commands/compose.js';
import { foldersCommand, ingestCommand, messagesCommand, searchCommand, showCommand } from './commands/mail.js';
import { serveCommand } from './commands/serve.js';
import { startCommand } from './commands/start.js';
import { threadCommand } from './commands/thread.js';
import { exportCommand, importCommand } from './commands/import.js';
import { companiesCommand, contactsCommand, linkCommand } from './commands/crm.js';
import { contactsImportCommand } from './commands/contacts-import.js';
import { tasksCommand, ticketsCommand } from './commands/records.js';
import { templatesCommand } from './commands/templates.js';
import { printLine, reportError, UsageError } from './output.js';

const HELP = `facteur — the Facteur mail client's command line

Usage: facteur COMMAND [options]

  start                          open the desktop app (or the web version where Electron is missing)
  serve [--port N] [--open]      run the app for a browser on 127.0.0.1 and print its address
  folders [--json]               list folders with their paths and unread/total counts
  messages --folder PATH_OR_ID [--limit N] [--json]
                                 list a folder's messages, newest first
  show ID [--json] [--raw]       show a message (--raw: its exact source bytes)
  thread ID [--json]             show a message's whole conversation as a tree (replies, receipts, reports)
  search QUERY [--field subject-sender|subject-people|fulltext|attachment|category|unknown-sender]
      [--folder PATH_OR_ID] [--limit N] [--json]
                                 find messages ("contains"; every word must match)
  ingest FILE.eml|DIR... [--folder PATH_OR_ID] [--json]
                                 store messages (default folder: Local Folders/Inbox)
  import PATH [--into PATH_OR_ID] [--json]
                                 import a PST, MSG, EML tree or mbox (format from its content), de-duplicated;
                                 run again after an interruption to resume
  export --folder PATH_OR_ID --out DIR [--format eml|mbox] [--no-subfolders] [--json]
                                 write a folder (and its subfolders) as .eml files or mboxrd files
  account add --email E [--name N] --incoming imap|pop3 --in-host H [--in-port P]
      [--in-security tls|starttls|none] --out-host H [--out-port P] [--out-security tls|starttls|none]
      [--user U] --password-env VAR [--ca-file F] [--agents A,B | --public] [--json]
                                 add a mail account (the password is read from the variable VAR)
  account discover EMAIL [--json]   suggest server settings for an address (verified by connecting)
  account list|test ID|remove ID [--json]
  sync --once [--account ID] [--json]
                                 bring accounts in step with their servers, once
  sync [--json]                  keep every account in step until Ctrl+C
  outbox list|send [--message ID] [--account ID] [--json]
  outbox queue FILE.eml --account ID
                                 what waits to be sent; send it now
  compose --account ID --to A[,B] [--cc A,B] [--bcc A,B] --subject S (--body-file F.html | --text-file F.txt)
      [--attach FILE]... [--template ID [--for-contact ID]] [--read-receipt] [--private] [--send-at ISO8601] [--json]
                                 write a message and queue it in the account's Outbox (prints its id and
                                 Message-ID); --template fills subject, body and files for the contact
  contacts add [--first F] [--last L] [--email E] [--email2 E2] [--company NAME] [--json]
  contacts list [QUERY] [--json]  the address book (a new contact's earlier mail is filed under it)
  contacts import FILE [--map COLUMN=FIELD,...] [--existing merge|skip] [--encoding E] [--dry-run] [--json]
                                 import a CSV export (Outlook, Gmail, Excel) or a .vcf file; a known address
                                 completes its contact (--existing skip: leaves it); COLUMN: header or number;
                                 FIELD: firstName, lastName, fullName, email, phone, company, notes, ignore
  companies add NAME | list [QUERY] [--json]
  tickets add --subject S --requester CONTACT_ID [--queue Q] [--assignee AGENT_ID] [--message ID] [--json]
  tickets list [QUERY] [--status open|closed] [--json]
                                 support tickets (from an email: --message files it under the ticket)
  tasks add --title T [--category C] [--due DATE] [--assignee AGENT_ID] [--contact ID] [--company ID]
      [--ticket ID] [--message ID] [--json]
  tasks list [QUERY] [--status open|done|all] [--category C] [--json]
  templates list [--json]        the templates of every Templates folder
  templates add --name N --body-file F.html [--subject S] [--folder PATH_OR_ID] [--category C] [--json]
                                 add a template (default folder: Local Folders/Templates); merge fields such as
                                 {{contact.firstName}}, {{company.name}}, {{agent.fullName}}, {{greeting}}
  link|unlink MESSAGE_ID --contact|--company|--ticket|--task|--lead|--deal|--event ID [--json]
                                 file a message under a record by hand, or take it out
  db check [--json]              check the store and its files
  db backup --out FILE           copy the database safely while it is in use
  db sweep                       remove stored files no message uses

Options for every command:
  --data DIR                     the data folder (default: FACTEUR_DATA or the system's app-data folder)
  --json                         print JSON only, on stdout
`;

const COMMANDS: Record<string, (ctx: CliContext) => Promise<number>> = {
  start: startCommand,
  serve: serveCommand,
  folders: foldersCommand,
  messages: messagesCommand,
  show: showCommand,
  ingest: ingestCommand,
  db: dbCommand,
  account: accountCommand,
  sync: syncCommand,
  outbox: outboxCommand,
  compose: composeCommand,
  search: searchCommand,
  thread: threadCommand,
  import: importCommand,
  export: exportCommand,
  contacts: (ctx) => (ctx.args[0] === 'import' ? contactsImportCommand(ctx) : contactsCommand(ctx)),
  companies: companiesCommand,
  tickets: ticketsCommand,
  tasks: tasksCommand,
  templates: templatesCommand,
  link: linkCommand(false),
  unlink: linkCommand(true),
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      json: { type: 'boolean' },
      raw: { type: 'boolean' },
      folder: { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string' },
      port: { type: 'string' },
      open: { type: 'boolean' },
      once: { type: 'boolean' },
      account: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      incoming: { type: 'string' },
      'in-host': { type: 'string' },
      'in-port': { type: 'string' },
      'in-security': { type: 'string' },
      'out-host': { type: 'string' },
      'out-port': { type: 'string' },
      'out-security': { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      'ca-file': { type: 'string' },
      agents: { type: 'string' },
      public: { type: 'boolean' },
      message: { type: 'string' },
      field: { type: 'string' },
      into: { type: 'string' },
      first: { type: 'string' },
      last: { type: 'string' },
      email2: { type: 'string' },
      company: { type: 'string' },
      contact: { type: 'string' },
      subject: { type: 'string' },
      requester: { type: 'string' },
      queue: { type: 'string' },
      assignee: { type: 'string' },
      status: { type: 'string' },
      title: { type: 'string' },
      category: { type: 'string' },
      due: { type: 'string' },
      ticket: { type: 'string' },
      task: { type: 'string' },
      lead: { type: 'string' },
      deal: { type: 'string' },
      event: { type: 'string' },
      format: { type: 'string' },
      'no-subfolders': { type: 'boolean' },
      map: { type: 'string' },
      'dry-run': { type: 'boolean' },
      existing: { type: 'string' },
      encoding: { type: 'string' },
      'body-file': { type: 'string' },
      to: { type: 'string' },
      cc: { type: 'string' },
      bcc: { type: 'string' },
      'text-file': { type: 'string' },
      attach: { type: 'string', multiple: true },
      template: { type: 'string' },
      'for-contact': { type: 'string' },
      'read-receipt': { type: 'boolean' },
      private: { type: 'boolean' },
      'send-at': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [name, ...args] = positionals;
  if (values.help || !name) {
    printLine(HELP);
    return name || values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`"${name}" is not a facteur command.`);
  const camel = Object.fromEntries(Object.entries(values).map(([k, v]) => [k.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()), v]));
  return command(makeContext(args, camel));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? new UsageError((error as Error).message) : error;
    process.exitCode = reportError(message);
  },
);
