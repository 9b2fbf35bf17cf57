import { IncomingProtocol, Security } from '../../../src-shared/domain/account-settings.js';
import { Field } from '../../components/Field.js';
import { PROTOCOL_KEYS } from '../../i18n/label-keys.js';
import { useT } from '../../i18n/use-t.js';
import type { ServerDraft } from './account-draft.js';
import { followPort, type Protocol } from './default-ports.js';
import type { Problem, ServerProblems, Side } from './draft-problems.js';
import { useSetup, updateDraft } from './setup-store.js';

/** The choice offered in the form; 'none' says where it is allowed, as the engine refuses it elsewhere. */
const SECURITY_OPTION_KEYS = {
  tls: 'accounts.security.tls',
  starttls: 'accounts.security.starttls',
  none: 'accounts.security.noneOption',
} as const;

/** Host, port, security and user name of one server; the incoming side also picks IMAP or POP3 (not when editing). */
export function ServerFieldset({ side, problems }: { side: Side; problems: ServerProblems }) {
  const t = useT();
  const protocol = useSetup((s) => s.draft.protocol);
  const server = useSetup((s) => s.draft[side]);
  // The engine refuses to switch an account between IMAP and POP3: their mail is kept in different ways.
  const editing = useSetup((s) => s.editing !== null);
  const own: Protocol = side === 'incoming' ? protocol : 'smtp';
  const message = (p: Problem | undefined) => (p ? t(p.key, p.values) : null);
  const set = (patch: Partial<ServerDraft>) => updateDraft({ [side]: { ...server, ...patch } });

  return (
    <fieldset className="setup-fieldset" data-testid={`${side}-server`}>
      <legend>{t(side === 'incoming' ? 'accounts.side.incoming' : 'accounts.side.outgoingSmtp')}</legend>
      {side === 'incoming' ? (
        <Field label={t('accounts.field.protocol')} hint={editing ? t('accounts.field.protocolFixed') : undefined}>
          {(c) => (
            <select
              {...c}
              value={protocol}
              disabled={editing}
              data-testid="incoming-protocol"
              onChange={(e) => {
                const next = IncomingProtocol.parse(e.target.value);
                const port = followPort(server.port, [protocol, server.security], [next, server.security]);
                updateDraft({ protocol: next, incoming: { ...server, port } });
              }}
            >
              {IncomingProtocol.options.map((p) => (
                <option key={p} value={p}>
                  {t(PROTOCOL_KEYS[p])}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('accounts.field.host')} problem={message(problems.host)}>
        {(c) => (
          <input {...c} value={server.host} spellCheck={false} autoCapitalize="off" placeholder={t(side === 'incoming' ? 'accounts.field.hostExample' : 'accounts.field.smtpHostExample')} data-testid={`${side}-host`} onChange={(e) => set({ host: e.target.value })} />
        )}
      </Field>
      <div className="field-row">
        <Field label={t('accounts.field.port')} problem={message(problems.port)} className="field-port">
          {(c) => <input {...c} value={server.port} inputMode="numeric" data-testid={`${side}-port`} onChange={(e) => set({ port: e.target.value })} />}
        </Field>
        <Field label={t('accounts.field.security')} problem={message(problems.security)}>
          {(c) => (
            <select
              {...c}
              value={server.security}
              data-testid={`${side}-security`}
              onChange={(e) => {
                const security = Security.parse(e.target.value);
                set({ security, port: followPort(server.port, [own, server.security], [own, security]) });
              }}
            >
              {Security.options.map((s) => (
                <option key={s} value={s}>
                  {t(SECURITY_OPTION_KEYS[s])}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('accounts.field.username')} problem={message(problems.username)}>
        {(c) => (
          <input {...c} value={server.username} spellCheck={false} autoCapitalize="off" autoComplete="off" data-testid={`${side}-username`} onChange={(e) => set({ username: e.target.value })} />
        )}
      </Field>
    </fieldset>
  );
}
