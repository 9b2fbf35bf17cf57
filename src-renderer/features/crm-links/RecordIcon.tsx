import type { ReactNode } from 'react';
import type { RecordType } from '../../../src-shared/contract/index.js';

/** One glyph per kind of record, on the same 16×16 grid and stroke as components/Icon.tsx. */
const PATHS: Record<RecordType, ReactNode> = {
  contact: (
    <>
      <circle cx="8" cy="5.5" r="2.5" />
      <path d="M3 13.5c.6-2.6 2.6-4 5-4s4.4 1.4 5 4" />
    </>
  ),
  company: <path d="M2.5 14V3.5h7V14M9.5 7h4v7M1.5 14h13M4.5 6h1M6.5 6h1M4.5 8.5h1M6.5 8.5h1M4.5 11h1M6.5 11h1M11 9.5h1M11 11.5h1" />,
  lead: (
    <>
      <circle cx="8" cy="8" r="5.5" />
      <circle cx="8" cy="8" r="2.5" />
      <path d="M8 8h.01" />
    </>
  ),
  deal: <path d="M8 1.5v13M11 4.5H6.8a2 2 0 0 0 0 4h2.4a2 2 0 0 1 0 4H5" />,
  ticket: <path d="M1.5 4.5h13v2a1.5 1.5 0 0 0 0 3v2h-13v-2a1.5 1.5 0 0 0 0-3zM10 4.5v7" />,
  task: (
    <>
      <rect x="2.5" y="2.5" width="11" height="11" rx="1.5" />
      <path d="M5 8l2 2 4-4" />
    </>
  ),
  event: (
    <>
      <rect x="2" y="3" width="12" height="11" rx="1" />
      <path d="M2 6.5h12M5 1.5v3M11 1.5v3" />
    </>
  ),
};

export function RecordIcon({ type }: { type: RecordType }) {
  return (
    <svg
      className="icon record-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      data-type={type}
    >
      {PATHS[type]}
    </svg>
  );
}

/** The message list's "Linked" column title: a chain link. */
export function LinkGlyph({ label }: { label?: string }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinecap="round"
      strokeLinejoin="round"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {label ? <title>{label}</title> : null}
      <path d="M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2.3-2.3a2.6 2.6 0 0 0-3.7-3.7l-.8.8M9.2 6.8a2.6 2.6 0 0 0-3.7 0L3.2 9.1a2.6 2.6 0 0 0 3.7 3.7l.8-.8" />
    </svg>
  );
}
