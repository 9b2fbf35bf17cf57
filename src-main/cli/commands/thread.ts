import type { ConversationNode } from '../../../src-shared/contract/index.js';
import { formatAddress } from '../../../src-shared/domain/address.js';
import { missingCase } from '../../../src-shared/domain/exhaustive.js';
import { idArgument, type CliContext } from '../context.js';
import { printJson, printLine } from '../output.js';

/** `facteur thread MESSAGE_ID [--json]`: the forum view's tree, indented, the asked-for message marked with ">". */
export async function threadCommand(ctx: CliContext): Promise<number> {
  const id = idArgument(ctx.args[0], 'message id');
  const { engine, client } = await ctx.open();
  try {
    const conversation = await client.api.threads.conversation({ messageId: id });
    if (ctx.options.json) printJson(conversation);
    else {
      for (const node of conversation.nodes) printLine(`${node.id === id ? '>' : ' '} ${'  '.repeat(node.depth)}${describe(node)}`);
      const messages = conversation.nodes.filter((n) => n.kind !== 'missing').length;
      printLine(`${messages} message${messages === 1 ? '' : 's'} in the conversation${conversation.truncated ? ' (more left out)' : ''}.`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}

function describe(n: ConversationNode): string {
  if (n.kind === 'missing') return `(missing message${n.messageId ? ` <${n.messageId}>` : ''})`;
  const when = n.date?.slice(0, 16).replace('T', ' ') ?? 'no date';
  const who = n.from ? formatAddress(n.from) : '(unknown sender)';
  const subject = n.contentHidden ? '(private message)' : n.subject || '(no subject)';
  const guessed = n.linkedBy === 'subject' ? ' ~subject' : '';
  return `${label(n.kind)}${String(n.id).padStart(6)}  ${when}  ${who}  ${subject}  [${n.folder}]${guessed}`;
}

function label(kind: Exclude<ConversationNode['kind'], 'missing'>): string {
  switch (kind) {
    case 'message':
      return '';
    case 'receipt':
      return '[read receipt] ';
    case 'delivery-report':
      return '[delivery report] ';
    default:
      return missingCase(kind);
  }
}
