import { readFileSync } from 'node:fs';
import { AccountSettings, IncomingProtocol, Security } from '../../../src-shared/domain/account-settings.js';
import type { CliContext } from '../context.js';
import { printJson, printLine, UsageError } from '../output.js';
import { idArgument } from '../context.js';

const DEFAULT_PORTS = { imap: { tls: 993, starttls: 143, none: 143 }, pop3: { tls: 995, starttls: 110, none: 110 }, smtp: { tls: 465, starttls: 587, none: 25 } } as const;

/** `facteur account add|list|test|remove`: scriptable, no prompts; the password only ever comes from an environment variable. */
export async function accountCommand(ctx: CliContext): Promise<number> {
  const [sub, ...rest] = ctx.args;
  switch (sub) {
    case 'add':
      return add(ctx);
    case 'list':
      return list(ctx);
    case 'test':
      return test(ctx, rest[0]);
    case 'remove':
      return remove(ctx, rest[0]);
    case 'discover':
      return discover(ctx, rest[0]);
    default:
      throw new UsageError('account takes add, list, discover EMAIL, test ID or remove ID.');
  }
}

function required(ctx: CliContext, name: keyof CliContext['options']): string {
  const value = ctx.options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`account add needs --${String(name).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.`);
  return value;
}

function choice<T extends string>(value: string | undefined, schema: { options: readonly T[] }, flag: string, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (!schema.options.includes(value as T)) throw new UsageError(`--${flag} takes ${schema.options.join(', ')}.`);
  return value as T;
}

function port(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`--${flag} takes a port number (1–65535).`);
  return n;
}

async function add(ctx: CliContext): Promise<number> {
  const o = ctx.options;
  const email = required(ctx, 'email');
  const protocol = choice(o.incoming, IncomingProtocol, 'incoming');
  const inSecurity = choice(o.inSecurity, Security, 'in-security', 'tls');
  const outSecurity = choice(o.outSecurity, Security, 'out-security', 'tls');
  const passwordVar = required(ctx, 'passwordEnv');
  const password = process.env[passwordVar];
  if (!password) throw new UsageError(`The environment variable ${passwordVar} (named by --password-env) is empty or not set.`);
  if (o.public && o.agents) throw new UsageError('Give either --agents or --public, not both.');
  const agentIds = o.public ? [] : o.agents ? o.agents.split(',').map((a) => idArgument(a.trim(), 'agent id')) : undefined;
  const user = o.user ?? email;
  const settings = AccountSettings.parse({
    incoming: { protocol, host: required(ctx, 'inHost'), port: port(o.inPort, DEFAULT_PORTS[protocol][inSecurity], 'in-port'), security: inSecurity, username: user },
    outgoing: { host: required(ctx, 'outHost'), port: port(o.outPort, DEFAULT_PORTS.smtp[outSecurity], 'out-port'), security: outSecurity, username: user },
    caCertPem: o.caFile ? readFileSync(o.caFile, 'utf8') : null,
  });
  const { engine, client } = await ctx.open();
  try {
    const account = await client.api.accounts.add({ email, name: o.name, settings, password, agentIds });
    if (o.json) printJson(account);
    else printLine(`Added account ${account.id}: ${account.name} (${protocol.toUpperCase()} ${settings.incoming.host}, SMTP ${settings.outgoing.host}).`);
    return 0;
  } finally {
    await engine.close();
  }
}

async function list(ctx: CliContext): Promise<number> {
  const { engine, client } = await ctx.open();
  try {
    const { items } = await client.api.accounts.list();
    if (ctx.options.json) printJson(items);
    else for (const a of items) printLine(`${String(a.id).padStart(4)}  ${a.name}  ${a.settings.incoming.protocol} ${a.settings.incoming.host}:${a.settings.incoming.port}  ${a.agentIds.length ? `agents ${a.agentIds.join(',')}` : 'public'}`);
    return 0;
  } finally {
    await engine.close();
  }
}

async function test(ctx: CliContext, idText: string | undefined): Promise<number> {
  const id = idArgument(idText, 'account id');
  const { engine, client } = await ctx.open();
  try {
    const result = await client.api.accounts.test({ id });
    if (ctx.options.json) printJson(result);
    else {
      for (const [label, r] of [['Incoming', result.incoming], ['Outgoing', result.outgoing]] as const) {
        printLine(r.ok ? `${label}: connected${r.secure ? ' securely' : ''}.` : `${label}: ${r.message} [${r.code}]`);
      }
    }
    return result.incoming.ok && result.outgoing.ok ? 0 : 1;
  } finally {
    await engine.close();
  }
}

async function remove(ctx: CliContext, idText: string | undefined): Promise<number> {
  const id = idArgument(idText, 'account id');
  const { engine, client } = await ctx.open();
  try {
    const result = await client.api.accounts.remove({ id });
    if (ctx.options.json) printJson(result);
    else printLine(result.removed ? `Removed account ${id} and its synced mail.` : `No account ${id}.`);
    return result.removed ? 0 : 1;
  } finally {
    await engine.close();
  }
}

async function discover(ctx: CliContext, email: string | undefined): Promise<number> {
  if (!email) throw new UsageError('account discover needs an e-mail address.');
  const { engine, client } = await ctx.open();
  try {
    const { candidates } = await client.api.accounts.discover({ email });
    if (ctx.options.json) printJson(candidates);
    else if (candidates.length === 0) printLine(`No settings found for ${email}; enter the servers by hand with "facteur account add".`);
    else {
      for (const c of candidates) {
        const i = c.settings.incoming;
        const o = c.settings.outgoing;
        printLine(`${c.provider ?? c.source}${c.verified ? '' : ' (not verified)'}: ${i.protocol} ${i.host}:${i.port} ${i.security}, smtp ${o.host}:${o.port} ${o.security}, user ${i.username}${c.settings.auth === 'oauth2' ? ', OAuth2 sign-in' : ''}`);
      }
    }
    return candidates.length > 0 ? 0 : 1;
  } finally {
    await engine.close();
  }
}
