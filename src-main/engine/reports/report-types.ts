/** What a delivery report says of one recipient. */
export type BounceKind = 'hard' | 'soft';

export interface RecipientOutcome {
  /** Final-Recipient (or the address a text bounce names), normalised. */
  address: string;
  /** Original-Recipient, when the report gives it: the address as we wrote it before any forwarding. */
  originalAddress: string | null;
  /** RFC 3463 status code (class.subject.detail). */
  status: string;
  action: string | null;
  /** null: delivered, relayed or expanded, which changes nothing. */
  bounce: BounceKind | null;
}

/**
 * A read receipt (RFC 8098) or a delivery report (RFC 3464, or a mail server's own text). `originals` are the
 * Message-IDs it may be about, best first: the ones the report names in its machine-readable part or in the
 * returned headers, then the report's own In-Reply-To and References.
 */
export type Report =
  | {
      kind: 'receipt';
      originals: string[];
      /** The disposition type (displayed, deleted, dispatched, processed, denied, failed), lower-cased. */
      disposition: string;
      finalRecipient: string | null;
    }
  | {
      kind: 'delivery';
      originals: string[];
      recipients: RecipientOutcome[];
      /**
       * A machine-readable message/delivery-status part. A text bounce is read from prose, so only the recipients
       * of the matched original are trusted from it.
       */
      standard: boolean;
    };
