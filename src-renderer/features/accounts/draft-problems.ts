import { z } from 'zod';
import { AccountSettings, isLoopbackHost } from '../../../src-shared/domain/account-settings.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import type { AccountDraft, ServerDraft } from './account-draft.js';

export interface Problem {
  key: MessageKey;
  values?: Record<string, string | number>;
}

export type Side = 'incoming' | 'outgoing';
export type ServerProblems = Partial<Record<keyof ServerDraft, Problem>>;

export interface DraftProblems {
  incoming: ServerProblems;
  outgoing: ServerProblems;
  caCertPem?: Problem;
  refreshMinutes?: Problem;
  deleteAfterDays?: Problem;
}

const required: Problem = { key: 'accounts.problem.required' };
const email = z.email();
const limits = AccountSettings.shape.refreshSeconds;
const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

export function emailProblem(value: string): Problem | null {
  if (!value.trim()) return required;
  return email.safeParse(value.trim()).success ? null : { key: 'accounts.problem.email' };
}

function isWhole(value: string, min: number, max: number): boolean {
  return /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;
}

function serverProblems(s: ServerDraft): ServerProblems {
  const found: ServerProblems = {};
  if (!s.host.trim()) found.host = required;
  else if (/[\s/]/.test(s.host.trim())) found.host = { key: 'accounts.problem.host' };
  if (!isWhole(s.port, 1, 65535)) found.port = { key: 'accounts.problem.port' };
  if (!s.username.trim()) found.username = required;
  // The engine's rule (insecureSettingsProblem): plain text only to this computer, so no password crosses a network unencrypted.
  if (s.security === 'none' && s.host.trim() && !isLoopbackHost(s.host)) {
    found.security = { key: 'accounts.problem.insecure', values: { host: s.host.trim() } };
  }
  return found;
}

/** What stops the form from being used, by field; the engine checks again at its door. */
export function draftProblems(d: AccountDraft): DraftProblems {
  const found: DraftProblems = { incoming: serverProblems(d.incoming), outgoing: serverProblems(d.outgoing) };
  if (d.caCertPem.trim() && !PEM.test(d.caCertPem)) found.caCertPem = { key: 'accounts.problem.certificate' };
  const [min, max] = [(limits.unwrap().minValue ?? 30) / 60, (limits.unwrap().maxValue ?? 86_400) / 60];
  if (!isWhole(d.refreshMinutes, Math.ceil(min), max)) found.refreshMinutes = { key: 'accounts.problem.refresh', values: { max } };
  if (d.protocol === 'pop3' && d.deleteAfterDays.trim() && !isWhole(d.deleteAfterDays, 1, 3650)) {
    found.deleteAfterDays = { key: 'accounts.problem.days' };
  }
  return found;
}

export function hasProblems(p: DraftProblems): boolean {
  return Object.keys(p.incoming).length + Object.keys(p.outgoing).length > 0 || Boolean(p.caCertPem || p.refreshMinutes || p.deleteAfterDays);
}
