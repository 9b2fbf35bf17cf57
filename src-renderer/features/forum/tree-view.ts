import type { ConversationNode } from '../../../src-shared/contract/index.js';

/** A node as the tree shows it: where it sits among its siblings (aria-setsize/posinset) and whether it has replies. */
export interface VisibleNode {
  node: ConversationNode;
  hasChildren: boolean;
  expanded: boolean;
  setSize: number;
  position: number;
}

/**
 * The nodes to render, in order, skipping the replies of folded nodes. The engine sends the tree depth-first with
 * each node's parent, so a flat list with aria-level, aria-setsize and aria-posinset describes it completely (the
 * WAI-ARIA tree pattern allows this instead of nested groups).
 */
export function visibleNodes(nodes: readonly ConversationNode[], collapsed: Readonly<Record<string, boolean>>): VisibleNode[] {
  const siblings = new Map<string | null, string[]>();
  for (const n of nodes) {
    const group = siblings.get(n.parentKey);
    if (group) group.push(n.key);
    else siblings.set(n.parentKey, [n.key]);
  }
  const hidden = new Set<string>();
  const out: VisibleNode[] = [];
  for (const node of nodes) {
    if (node.parentKey !== null && (hidden.has(node.parentKey) || collapsed[node.parentKey])) {
      hidden.add(node.key);
      continue;
    }
    const group = siblings.get(node.parentKey)!;
    out.push({
      node,
      hasChildren: siblings.has(node.key),
      expanded: !collapsed[node.key],
      setSize: group.length,
      position: group.indexOf(node.key) + 1,
    });
  }
  return out;
}

/** The item that takes Tab: the focused one if it is shown, else the message in the reader, else the first. */
export function tabbableKey(visible: readonly VisibleNode[], focusKey: string | null, openId: number | null): string | null {
  if (focusKey && visible.some((v) => v.node.key === focusKey)) return focusKey;
  return visible.find((v) => v.node.id !== null && v.node.id === openId)?.node.key ?? visible[0]?.node.key ?? null;
}
