import { useEffect, type RefObject } from 'react';
import { Field } from '../../components/Field.js';
import { useT } from '../../i18n/use-t.js';
import { useSetup } from './setup-store.js';

interface Props {
  input: RefObject<HTMLInputElement | null>;
  /** Editing an account that has a saved password: leaving the field empty keeps it. */
  optional: boolean;
  /** The person tried to go on with the field empty while it is needed. */
  missing: boolean;
}

export function PasswordField({ input, optional, missing }: Props) {
  const t = useT();

  // Uncontrolled on purpose: React mirrors a controlled input's value into its `value` attribute, which would put
  // the password in the page's markup. Coming back to this field, it is restored as a property only.
  useEffect(() => {
    if (input.current) input.current.value = useSetup.getState().password;
  }, [input]);

  return (
    <Field label={t('accounts.field.password')} hint={optional ? t('accounts.password.keepHint') : undefined} problem={missing ? t('accounts.problem.password') : null}>
      {(c) => (
        <input
          {...c}
          ref={input}
          type="password"
          autoComplete="current-password"
          data-autofocus
          data-testid="account-password"
          onChange={(e) => useSetup.setState({ password: e.target.value })}
        />
      )}
    </Field>
  );
}
