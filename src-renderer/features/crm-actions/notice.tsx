import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { create } from 'zustand';
import { Icon } from '../../components/Icon.js';
import './crm-actions.css';

interface Notice {
  text: string;
  /** The close button's accessible name, already translated by whoever speaks. */
  dismissLabel: string;
  /** Bumped on every notice, so the same words twice still restart the timer. */
  serial: number;
}

const useNotice = create<{ notice: Notice | null }>(() => ({ notice: null }));
const SHOWN_MS = 8000;
let mounted = false;

/**
 * A short outcome line ("2 contacts created, 1 already in the address book") at the bottom of the window. Actions
 * run from a menu that has closed have nowhere else to answer; its own root keeps it out of every pane's layout.
 */
export function showNotice(text: string, dismissLabel: string): void {
  if (!mounted) {
    mounted = true;
    const host = document.createElement('div');
    document.body.append(host);
    createRoot(host).render(<NoticeLine />);
  }
  useNotice.setState((s) => ({ notice: { text, dismissLabel, serial: (s.notice?.serial ?? 0) + 1 } }));
}

function NoticeLine() {
  const notice = useNotice((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => useNotice.setState({ notice: null }), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  // The live region stays in the page, empty, so that its next words are announced.
  return (
    <div className="crm-notice-region" role="status" data-testid="crm-notice">
      {notice ? (
        <div className="crm-notice">
          <span data-testid="crm-notice-text">{notice.text}</span>
          <button type="button" className="icon-button" aria-label={notice.dismissLabel} onClick={() => useNotice.setState({ notice: null })}>
            <Icon name="close" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
