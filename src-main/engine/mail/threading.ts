import { THREAD_INDEX_CHILD_BYTES, THREAD_INDEX_ROOT_BYTES } from './conversation-keys.js';

/** One stored message as the threader sees it. */
export interface ThreadItem {
  id: number;
  messageId: string | null;
  /** References in order, then In-Reply-To when it is not among them (RFC 5322 §3.6.4). */
  refs: string[];
  /** Decoded Thread-Index as hex, or null. */
  threadIndex: string | null;
  /** Set for read receipts and delivery reports: the Message-ID they report on (null when they name none). */
  report: { original: string | null } | null;
  date: number | null;
}

export type LinkKind = 'references' | 'thread-index' | 'report' | 'subject';

export interface ThreadNode {
  key: string;
  item: ThreadItem | null;
  /** A placeholder's Message-ID, when the missing message is known by one (not for a Thread-Index gap). */
  missingId: string | null;
  /** How this node was tied to its parent; null for roots. */
  linkedBy: LinkKind | null;
  children: ThreadNode[];
}

class Container {
  item: ThreadItem | null = null;
  parent: Container | null = null;
  children: Container[] = [];
  linkedBy: LinkKind | null = null;
  constructor(
    readonly key: string,
    readonly missingId: string | null,
  ) {}
}

const ROOT_HEX = THREAD_INDEX_ROOT_BYTES * 2;
const CHILD_HEX = THREAD_INDEX_CHILD_BYTES * 2;

/**
 * Jamie Zawinski's threading algorithm (https://www.jwz.org/doc/threading.html) over one conversation's messages:
 * an id table of containers, empty containers standing in for messages we do not have, References (and the
 * report link of receipts and delivery reports) as the main key, Outlook's Thread-Index where References say
 * nothing useful, and subject grouping (`subjectParents`, decided by the caller) only for messages with no key.
 *
 * Two departures from JWZ, both because this is a view of one conversation rather than a folder's summary: a
 * missing message that has replies keeps its placeholder, even between two messages we have (the reader should
 * see that something is missing), but a chain of placeholders is shown as one; and duplicate Message-IDs (the
 * same message in two folders or accounts) are all shown, each threaded by its own References.
 */
export function threadConversation(items: readonly ThreadItem[], subjectParents: ReadonlyMap<number, number>): ThreadNode[] {
  const byId = new Map<string, Container>();
  const byIndex = new Map<string, Container>();
  const ofItem = new Map<number, Container>();
  const all: Container[] = [];
  const sorted = [...items].sort(byDate);

  for (const item of sorted) {
    const c = new Container(`m:${item.id}`, null);
    c.item = item;
    all.push(c);
    ofItem.set(item.id, c);
    if (item.messageId && !byId.has(item.messageId)) byId.set(item.messageId, c);
    if (item.threadIndex && !byIndex.has(item.threadIndex)) byIndex.set(item.threadIndex, c);
  }

  const placeholder = (id: string) => {
    let c = byId.get(id);
    if (!c) {
      c = new Container(`missing:${id}`, id);
      byId.set(id, c);
      all.push(c);
    }
    return c;
  };
  const indexPlaceholder = (hex: string) => {
    let c = byIndex.get(hex);
    if (!c) {
      c = new Container(`missing-index:${hex}`, null);
      byIndex.set(hex, c);
      all.push(c);
    }
    return c;
  };

  for (const item of sorted) {
    const c = ofItem.get(item.id)!;
    const ancestors = indexAncestors(item.threadIndex);
    const refsKnown = item.refs.some((r) => byId.get(r)?.item);
    const indexParentKnown = ancestors.some((hex) => byIndex.get(hex)?.item);
    if (item.report) {
      const original = item.report.original;
      const chain = original ? [...item.refs.filter((r) => r !== original), original] : item.refs;
      linkChain(chain.map(placeholder), c, 'report');
    } else if (item.refs.length > 0 && (refsKnown || !indexParentKnown)) {
      linkChain(item.refs.map(placeholder), c, 'references');
    } else if (ancestors.length > 0) {
      linkChain(ancestors.map(indexPlaceholder), c, 'thread-index');
    }
  }

  for (const [childId, anchorId] of subjectParents) {
    const child = ofItem.get(childId);
    const anchor = ofItem.get(anchorId);
    if (child && anchor && child.parent === null && !reaches(child, anchor)) attach(anchor, child, 'subject');
  }

  const roots = all.filter((c) => c.parent === null).flatMap(prune);
  for (const r of roots) {
    r.parent = null;
    r.linkedBy = null;
  }
  return sortAndConvert(roots);
}

/** The Thread-Index of each ancestor, oldest first: the index minus 5 bytes per generation, down to the 22-byte root. */
function indexAncestors(hex: string | null): string[] {
  if (!hex) return [];
  const out: string[] = [];
  for (let length = ROOT_HEX; length < hex.length; length += CHILD_HEX) out.push(hex.slice(0, length));
  return out;
}

/**
 * JWZ step 1B/1C: tie the chain's containers together where they are not tied yet, then make the message a child
 * of the chain's last link; its own header is more authoritative than what other messages implied, so it moves.
 */
function linkChain(chain: Container[], c: Container, via: LinkKind): void {
  for (let i = 0; i + 1 < chain.length; i++) {
    const [a, b] = [chain[i]!, chain[i + 1]!];
    if (b.parent === null && !reaches(b, a)) attach(a, b, via === 'thread-index' ? 'thread-index' : 'references');
  }
  const parent = chain.at(-1);
  if (parent && !reaches(c, parent)) attach(parent, c, via);
}

/** Whether `a` is `b` or one of its ancestors: linking `a` under `b` would make a loop. */
function reaches(a: Container, b: Container): boolean {
  for (let x: Container | null = b; x; x = x.parent) if (x === a) return true;
  return false;
}

function attach(parent: Container, child: Container, via: LinkKind): void {
  if (child.parent) child.parent.children = child.parent.children.filter((x) => x !== child);
  child.parent = parent;
  child.linkedBy = via;
  parent.children.push(child);
}

/** JWZ step 4, as described above: empty placeholders go, a placeholder holding only a placeholder gives way to it. */
function prune(c: Container): Container[] {
  const kids = c.children.flatMap(prune);
  c.children = kids;
  for (const k of kids) k.parent = c;
  if (c.item) return [c];
  if (kids.length === 0) return [];
  if (kids.length === 1 && !kids[0]!.item) {
    kids[0]!.linkedBy = c.linkedBy;
    return kids;
  }
  return [c];
}

function sortAndConvert(list: Container[]): ThreadNode[] {
  const earliest = new Map<Container, number>();
  const first = (c: Container): number => {
    let t = earliest.get(c);
    if (t === undefined) {
      t = Math.min(c.item?.date ?? Infinity, ...c.children.map(first));
      earliest.set(c, t);
    }
    return t;
  };
  const convert = (cs: Container[]): ThreadNode[] =>
    [...cs]
      .sort((a, b) => first(a) - first(b) || (a.item?.id ?? Infinity) - (b.item?.id ?? Infinity) || a.key.localeCompare(b.key))
      .map((c) => ({ key: c.key, item: c.item, missingId: c.missingId, linkedBy: c.linkedBy, children: convert(c.children) }));
  return convert(list);
}

function byDate(a: ThreadItem, b: ThreadItem): number {
  return (a.date ?? Infinity) - (b.date ?? Infinity) || a.id - b.id;
}
