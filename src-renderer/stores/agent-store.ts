import { create } from 'zustand';
import type { Agent, Locale } from '../../src-shared/contract/index.js';
import { engine } from '../api/engine.js';
import { pickLocale } from '../i18n/locales.js';
import { reportError } from './error-store.js';

interface AgentState {
  agent: Agent | null;
  /** The agent's saved language once known; until then (or when none is saved) the browser's. */
  locale: Locale;
  refresh(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
}

export const useAgent = create<AgentState>((set, get) => ({
  agent: null,
  locale: pickLocale(navigator.languages ?? [navigator.language]),

  async refresh() {
    try {
      const agent = await engine().client.api.agents.current();
      set({ agent, locale: agent.locale ?? get().locale });
      // The engine writes dates and greetings in the agent's language (templates, receipts, quotes): an agent who
      // never chose one gets the language this window shows, so what is sent matches what is seen.
      if (agent.locale === null) await get().setLocale(get().locale);
    } catch (error) {
      reportError(error);
    }
  },

  async setLocale(locale) {
    // Re-render at once; saving is for the next launch and for the agent's other windows.
    set({ locale });
    const agent = get().agent;
    if (!agent) return;
    try {
      set({ agent: await engine().client.api.agents.update({ id: agent.id, locale }) });
    } catch (error) {
      reportError(error);
    }
  },
}));
