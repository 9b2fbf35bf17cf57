import type { ReactNode } from 'react';

/** Drawn on a 16×16 grid with the current text colour, so icons follow the row's state (selected, unread). */
const PATHS = {
  lock: (
    <>
      <rect x="3.5" y="7" width="9" height="6.5" rx="1" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </>
  ),
  paperclip: <path d="M10.5 4.5 5.8 9.2a1.4 1.4 0 0 0 2 2l5-5a2.8 2.8 0 0 0-4-4l-5 5a4.2 4.2 0 0 0 6 6l4-4" />,
  arrowIn: <path d="M8 3v9M4.5 8.5 8 12l3.5-3.5" />,
  arrowOut: <path d="M8 13V4M4.5 7.5 8 4l3.5 3.5" />,
  chevron: <path d="M6 4l4 4-4 4" />,
  star: <path d="m8 1.8 1.9 4 4.3.5-3.2 3 .9 4.3L8 11.4l-3.9 2.2.9-4.3-3.2-3 4.3-.5Z" />,
  forum: <path d="M2 3h8v5.5H5.5L3 10.5V8.5H2zM12 6h2v5.5h-1v2l-2.5-2H7v-2" />,
  reply: <path d="M6.5 4 2.5 8l4 4M2.5 8H10a3.5 3.5 0 0 1 3.5 3.5V13" />,
  trash: <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.5 6.5v5M9.5 6.5v5" />,
  junk: <path d="M8 1.5 13.5 4v4c0 3.3-2.4 5.6-5.5 6.5C4.9 13.6 2.5 11.3 2.5 8V4ZM5.5 6l5 5M10.5 6l-5 5" />,
  folderMove: <path d="M1.5 3.5h4.5l1.5 1.5h7v8.5h-13zM6 9.5h5M9 7.5l2 2-2 2" />,
  tag: <path d="M2 2.5h5.5l6.5 6.5-5 5-6.5-6.5ZM5 5.5h.01" />,
  envelopeOpen: <path d="M2 6.5 8 2.5l6 4V14H2zM2 6.5l6 4 6-4" />,
  columns: <path d="M2 3h12v10H2zM6 3v10M10 3v10" />,
  person: (
    <>
      <circle cx="8" cy="5.5" r="2.5" />
      <path d="M3 13.5c.6-2.6 2.6-4 5-4s4.4 1.4 5 4" />
    </>
  ),
  close: <path d="M4 4l8 8M12 4l-8 8" />,
  search: <path d="M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9ZM10.3 10.3 14 14" />,
  check: <path d="M3 8.5 6.5 12 13 4.5" />,
  plus: <path d="M8 3v10M3 8h10" />,
  warning: <path d="M8 2.5 14 13H2L8 2.5ZM8 6.5v3M8 11.2v.3" />,
  file: <path d="M4 1.5h5l3 3v10H4zM9 1.5v3h3" />,
  document: <path d="M4 1.5h5l3 3v10H4zM9 1.5v3h3M6 8h4M6 10h4M6 12h2.5" />,
  image: (
    <>
      <rect x="2" y="3" width="12" height="10" rx="1" />
      <path d="m2.5 12 3.5-4 2.5 3 2-2 3 3" />
      <circle cx="10.5" cy="6" r="1" />
    </>
  ),
  archive: <path d="M4 1.5h8v13H4zM8 1.5v1M8 3.5v1M8 5.5v1M7 8h2v2.5H7z" />,
  audio: <path d="M6 12V3.5l7-1.5v8.5M6 12a1.8 1.8 0 1 1-1.8-1.8A1.8 1.8 0 0 1 6 12Zm7-1.5a1.8 1.8 0 1 1-1.8-1.8 1.8 1.8 0 0 1 1.8 1.8Z" />,
  video: (
    <>
      <rect x="1.5" y="4" width="9" height="8" rx="1" />
      <path d="m10.5 7 4-2.5v7l-4-2.5" />
    </>
  ),
  calendar: (
    <>
      <rect x="2" y="3" width="12" height="11" rx="1" />
      <path d="M2 6.5h12M5 1.5v3M11 1.5v3" />
    </>
  ),
  mail: (
    <>
      <rect x="1.5" y="3.5" width="13" height="9" rx="1" />
      <path d="m2 4 6 5 6-5" />
    </>
  ),
  link: <path d="M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2.3-2.3a2.6 2.6 0 0 0-3.7-3.7l-.8.8M9.2 6.8a2.6 2.6 0 0 0-3.7 0L3.2 9.1a2.6 2.6 0 0 0 3.7 3.7l.8-.8" />,
  building: <path d="M2.5 14V3.5h7V14M9.5 7h4v7M1.5 14h13M4.5 6h1M6.5 6h1M4.5 8.5h1M6.5 8.5h1M4.5 11h1M6.5 11h1M11 9.5h1M11 11.5h1" />,
  target: (
    <>
      <circle cx="8" cy="8" r="5.5" />
      <circle cx="8" cy="8" r="2.5" />
      <path d="M8 8h.01" />
    </>
  ),
  currency: <path d="M8 1.5v13M11 4.5H6.8a2 2 0 0 0 0 4h2.4a2 2 0 0 1 0 4H5" />,
  ticket: <path d="M1.5 4.5h13v2a1.5 1.5 0 0 0 0 3v2h-13v-2a1.5 1.5 0 0 0 0-3zM10 4.5v7" />,
  checkbox: (
    <>
      <rect x="2.5" y="2.5" width="11" height="11" rx="1.5" />
      <path d="M5 8l2 2 4-4" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof PATHS;

/** Decorative unless given a label; a labelled icon is announced as an image with that name. */
export function Icon({ name, label, className }: { name: IconName; label?: string; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
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
      {PATHS[name]}
    </svg>
  );
}
