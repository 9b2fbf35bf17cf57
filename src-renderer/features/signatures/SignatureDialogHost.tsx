import { lazy, Suspense } from 'react';
import { useSignatureTarget } from './signature-store.js';

// The editor is Lexical, which the mailbox window otherwise never loads: it comes with the dialog, when asked for.
const SignatureDialog = lazy(() => import('./SignatureDialog.js').then((m) => ({ default: m.SignatureDialog })));

/** Where the signature dialog lives in the mailbox window; nothing until an account's menu asks for it. */
export function SignatureDialogHost() {
  const target = useSignatureTarget((s) => s.target);
  if (!target) return null;
  return (
    <Suspense fallback={null}>
      <SignatureDialog key={target.accountId} target={target} />
    </Suspense>
  );
}
