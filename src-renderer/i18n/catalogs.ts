import type { Locale } from '../../src-shared/contract/index.js';
import en from './messages/en.json';
import fr from './messages/fr.json';
import ro from './messages/ro.json';

/** Every key the UI may ask for; English is the source catalog, so a key missing there fails to compile. */
export type MessageKey = keyof typeof en;

// Typed against the English keys so that a translation missing a key fails to compile as well as in the test.
export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, fr, ro };
