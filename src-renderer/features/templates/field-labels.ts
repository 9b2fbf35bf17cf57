import { mergeFieldGroup, mergeFieldOf, type MergeField, type MergeFieldGroup } from '../../../src-shared/domain/merge-fields.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import type { Translate } from '../../i18n/use-t.js';

const GROUP_KEYS: Record<MergeFieldGroup, MessageKey> = {
  greeting: 'templates.group.greeting',
  contact: 'templates.group.contact',
  company: 'templates.group.company',
  lead: 'templates.group.lead',
  agent: 'templates.group.agent',
  date: 'templates.group.date',
};

const FIELD_KEYS: Record<MergeField, MessageKey> = {
  greeting: 'templates.field.greeting',
  'contact.firstName': 'templates.field.firstName',
  'contact.lastName': 'templates.field.lastName',
  'contact.fullName': 'templates.field.fullName',
  'contact.email': 'templates.field.email',
  'contact.phone': 'templates.field.phone',
  'company.name': 'templates.field.companyName',
  'lead.firstName': 'templates.field.firstName',
  'lead.lastName': 'templates.field.lastName',
  'lead.fullName': 'templates.field.fullName',
  'lead.email': 'templates.field.email',
  'lead.phone': 'templates.field.phone',
  'lead.companyName': 'templates.field.companyName',
  'agent.fullName': 'templates.field.fullName',
  'agent.firstName': 'templates.field.firstName',
  'agent.email': 'templates.field.email',
  'date.today': 'templates.field.today',
  'date.tomorrow': 'templates.field.tomorrow',
};

export function groupLabel(t: Translate, group: MergeFieldGroup): string {
  return t(GROUP_KEYS[group]);
}

/** "Contact — First name" for a field; a name that is no field, as written. */
export function fieldLabel(t: Translate, name: string): string {
  const field = mergeFieldOf(name);
  if (!field) return name;
  const group = mergeFieldGroup(field);
  return group === 'greeting' ? t(FIELD_KEYS[field]) : t('templates.fieldLabel', { group: groupLabel(t, group), field: t(FIELD_KEYS[field]) });
}
