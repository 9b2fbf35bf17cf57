import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { create } from 'zustand';
import { Icon } from './Icon.js';
import './notice.css';

interface Notice {
  text: string;
  /** The close button's accessible name, already translated by whoever speaks. */
  dismissLabel: string;
  /** Unique per notice, so the same words twice still restart the timer. */
  serial: number;
}

/**
 * `outcome`: the answer to what the person just did; a new one replaces it. `news`: what happened meanwhile (a send
 * refused, a message sent late); each stays until read or timed out, so two at once are both seen.
 */
const useNotices = create<{ outcome: Notice | null; news: Notice[] }>(() => ({ outcome: null, news: [] }));
const SHOWN_MS = 8000;
const NEWS_MS = 20_000;
let mounted = false;
let serial = 0;

function mount(): void {
  if (mounted) return;
  mounted = true;
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(<NoticeLines />);
}

/** A short outcome line ("2 contacts created, 1 already in the address book") for an action run from a menu that has closed. */
export function showNotice(text: string, dismissLabel: string): void {
  mount();
  useNotices.setState({ outcome: { text, dismissLabel, serial: ++serial } });
}

/** News the engine brought while the person looked elsewhere; several stack. */
export function showNews(text: string, dismissLabel: string): void {
  mount();
  useNotices.setState((s) => ({ news: [...s.news, { text, dismissLabel, serial: ++serial }].slice(-4) }));
}

const dropNews = (n: Notice) => useNotices.setState((s) => ({ news: s.news.filter((x) => x.serial !== n.serial) }));

function NoticeLines() {
  const { outcome, news } = useNotices();
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => useNotices.setState({ outcome: null }), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  // The live region stays in the page, empty, so that its next words are announced.
  return (
    <div className="notice-region" role="status" data-testid="notice">
      {news.map((n) => (
        <NewsLine key={n.serial} notice={n} />
      ))}
      {outcome ? <Line notice={outcome} testId="notice-text" onDismiss={() => useNotices.setState({ outcome: null })} /> : null}
    </div>
  );
}

function NewsLine({ notice }: { notice: Notice }) {
  useEffect(() => {
    const timer = setTimeout(() => dropNews(notice), NEWS_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return <Line notice={notice} testId="news-text" onDismiss={() => dropNews(notice)} />;
}

function Line({ notice, testId, onDismiss }: { notice: Notice; testId: string; onDismiss: () => void }) {
  return (
    <div className="notice">
      <span data-testid={testId}>{notice.text}</span>
      <button type="button" className="icon-button" aria-label={notice.dismissLabel} onClick={onDismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
