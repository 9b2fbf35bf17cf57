import type { MessageFlags } from '../../../../src-shared/contract/index.js';

/** IMAP system flags and the keywords other clients use: $Junk/$NotJunk (Thunderbird), $MDNSent (RFC 3503). */
export function flagsFromImap(flags: Set<string> | undefined): MessageFlags {
  const has = (f: string) => flags?.has(f) ?? false;
  return {
    seen: has('\\Seen'),
    flagged: has('\\Flagged'),
    answered: has('\\Answered'),
    draft: has('\\Draft'),
    junk: has('$Junk') && !has('$NotJunk'),
    mdnSent: has('$MDNSent'),
  };
}

/** The IMAP flags to add and remove for a local change. */
export function imapFlagChanges(flags: Partial<MessageFlags>): { add: string[]; remove: string[] } {
  const add: string[] = [];
  const remove: string[] = [];
  const map: Array<[keyof MessageFlags, string]> = [['seen', '\\Seen'], ['flagged', '\\Flagged'], ['answered', '\\Answered'], ['draft', '\\Draft']];
  for (const [key, flag] of map) {
    if (flags[key] === true) add.push(flag);
    if (flags[key] === false) remove.push(flag);
  }
  if (flags.mdnSent === true) add.push('$MDNSent');
  if (flags.mdnSent === false) remove.push('$MDNSent');
  if (flags.junk === true) {
    add.push('$Junk');
    remove.push('$NotJunk');
  } else if (flags.junk === false) {
    add.push('$NotJunk');
    remove.push('$Junk');
  }
  return { add, remove };
}
