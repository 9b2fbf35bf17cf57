import { readFileSync } from 'node:fs';
import type { CliContext } from '../context.js';
import { printJson, printLine, UsageError } from '../output.js';
import { resolveFolder } from './mail.js';

/** `facteur templates list|add`: the templates of every Templates folder this agent sees, and adding one. */
export async function templatesCommand(ctx: CliContext): Promise<number> {
  const [sub] = ctx.args;
  if (sub !== 'list' && sub !== 'add') throw new UsageError('templates takes list, or add --name N --subject S --body-file F.html [--folder PATH_OR_ID] [--category C].');
  const { name, subject, bodyFile, folder, category } = ctx.options;
  if (sub === 'add' && (!name || !bodyFile)) throw new UsageError('templates add needs --name and --body-file (an HTML file; merge fields such as {{contact.firstName}} are filled when sending).');
  // Read before the engine opens: a wrong path is the caller's mistake, not the store's.
  let body = '';
  if (sub === 'add') {
    try {
      body = readFileSync(bodyFile!, 'utf8');
    } catch {
      throw new UsageError(`Cannot read the body file ${bodyFile}.`);
    }
  }
  const { engine, client } = await ctx.open();
  try {
    if (sub === 'list') {
      const { items } = await client.api.templates.list({});
      if (ctx.options.json) {
        printJson(items);
        return 0;
      }
      const paths = new Map((await client.api.folders.tree()).folders.map((f) => [f.id, f.path]));
      for (const t of items) printLine(`${String(t.id).padStart(5)}  ${t.name}  — ${t.subject || '(no subject)'}  [${paths.get(t.folderId) ?? t.folderId}]${t.category ? `  (${t.category})` : ''}`);
      return 0;
    }
    const template = await client.api.templates.create({
      name: name!,
      subject: subject ?? '',
      body,
      category: category ?? null,
      folderId: folder === undefined ? undefined : await resolveFolder(client, folder),
    });
    if (ctx.options.json) printJson(template);
    else printLine(`Template ${template.id} "${template.name}" added.`);
    return 0;
  } finally {
    await engine.close();
  }
}
