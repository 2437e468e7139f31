import { z } from 'zod';

/**
 * Campaign, organisation, section and other business keys: letters, digits and dashes, safe
 * inside a workflow ID, a stream name and a URL. The domain owns it because the campaign file's
 * shape names its keys; `libs/contracts` re-exports it for the workflow IDs.
 */
export const BUSINESS_KEY_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** The rule of a business key, in French, as a `<path> : <rule>` line states it. */
export const KEY_MESSAGE =
  'doit être fait de lettres minuscules, de chiffres et de tirets intérieurs, 64 caractères au plus';

export const businessKeySchema = z.string().regex(BUSINESS_KEY_PATTERN, { error: KEY_MESSAGE });
