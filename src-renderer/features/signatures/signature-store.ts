import { create } from 'zustand';

/** The account whose signature is being edited, if any: the account menu opens the dialog, which closes itself. */
export interface SignatureTarget {
  accountId: number;
  accountName: string;
}

export const useSignatureTarget = create<{ target: SignatureTarget | null }>(() => ({ target: null }));

export const openSignature = (target: SignatureTarget) => useSignatureTarget.setState({ target });
export const closeSignature = () => useSignatureTarget.setState({ target: null });
