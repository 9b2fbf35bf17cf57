import { create } from 'zustand';
import { ContractError, type ConversationNode } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { reportError } from './error-store.js';
import { useReader } from './reader-store.js';

interface ForumState {
  /** The reading pane shows the conversation beside the message. */
  on: boolean;
  /** The message whose conversation is shown; null before the first answer. */
  shownFor: number | null;
  nodes: ConversationNode[];
  truncated: boolean;
  /** Keys of nodes whose replies are folded away. */
  collapsed: Record<string, boolean>;
  /** The tree item that takes Tab focus (roving tabindex). */
  focusKey: string | null;
  setOn(on: boolean): void;
  setExpanded(key: string, expanded: boolean): void;
  setFocus(key: string): void;
  /** Shows a node's message beside the tree, in the reading pane. */
  openNode(node: ConversationNode): void;
  refresh(): Promise<void>;
  /** Refetches when messages change while the view is on; returns the unsubscribe. */
  watch(): () => void;
}

// Only the latest request counts when the reader moves quickly from one message to another.
let latest = 0;
/** The message of a request still on its way, which a refresh must not replace with the older one shown. */
let loading: { id: number; keepView: boolean } | null = null;

export const useForum = create<ForumState>((set, get) => {
  async function load(messageId: number, keepView: boolean): Promise<void> {
    const mine = ++latest;
    loading = { id: messageId, keepView };
    try {
      const answer = await engine().client.api.threads.conversation({ messageId });
      if (mine !== latest || !get().on) return;
      loading = null;
      set({
        shownFor: messageId,
        nodes: answer.nodes,
        truncated: answer.truncated,
        ...(keepView ? {} : { collapsed: {}, focusKey: `m:${messageId}` }),
      });
    } catch (error) {
      if (mine !== latest) return;
      loading = null;
      // The message went away (deleted, moved out of sight): show the conversation of what the reader shows now.
      if (error instanceof ContractError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) {
        const now = useReader.getState().openId;
        if (now !== null && now !== messageId) await load(now, false);
        else set({ shownFor: null, nodes: [], truncated: false });
        return;
      }
      reportError(error);
    }
  }

  // A message chosen in the list (or elsewhere) that is not in the tree brings its own conversation.
  useReader.subscribe((state, previous) => {
    const id = state.openId;
    if (id === previous.openId || id === null || !get().on) return;
    if (get().nodes.some((n) => n.id === id)) set({ focusKey: `m:${id}` });
    else void load(id, false);
  });

  return {
    on: false,
    shownFor: null,
    nodes: [],
    truncated: false,
    collapsed: {},
    focusKey: null,
    setOn(on) {
      latest++;
      set({ on, shownFor: null, nodes: [], truncated: false, collapsed: {}, focusKey: null });
      const id = useReader.getState().openId;
      if (on && id !== null) void load(id, false);
    },
    setExpanded(key, expanded) {
      set({ collapsed: { ...get().collapsed, [key]: !expanded } });
    },
    setFocus(key) {
      set({ focusKey: key });
    },
    openNode(node) {
      if (node.id === null) return;
      set({ focusKey: node.key });
      void useReader.getState().open(node.id);
    },
    // A change while another conversation is on its way (opening a message marks it read) refreshes that one.
    async refresh() {
      const target = loading ?? (get().shownFor !== null ? { id: get().shownFor!, keepView: true } : null);
      if (get().on && target) await load(target.id, target.keepView);
    },
    watch() {
      return engine().client.on('store.changed', ({ table }) => {
        if (table === 'messages') void get().refresh();
      });
    },
  };
});
