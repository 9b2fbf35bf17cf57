import type { RecordType } from '../../../src-shared/contract/index.js';
import { Icon, type IconName } from '../../components/Icon.js';

/** One glyph per kind of record. */
const GLYPHS: Record<RecordType, IconName> = {
  contact: 'person',
  company: 'building',
  lead: 'target',
  deal: 'currency',
  ticket: 'ticket',
  task: 'checkbox',
  event: 'calendar',
};

export function RecordIcon({ type }: { type: RecordType }) {
  return <Icon name={GLYPHS[type]} className="record-icon" />;
}
