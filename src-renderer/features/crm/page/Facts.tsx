import type { ReactNode } from 'react';

/** A record's fields as label–value pairs; empty values are left out rather than shown as blanks. */
export function Facts({ items }: { items: Array<[label: string, value: ReactNode, testId?: string]> }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined && value !== '' && value !== false);
  if (shown.length === 0) return null;
  return (
    <dl className="crmw-facts">
      {shown.map(([label, value, testId]) => (
        <div key={label} className="crmw-fact" data-testid={testId}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
