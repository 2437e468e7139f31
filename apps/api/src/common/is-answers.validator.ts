import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { IsTextMap } from './is-text-map.validator';

/** Answers by section id: at most 50 sections (their ids are keys), 20,000 characters each. */
export const IsAnswers = () =>
  IsTextMap({ maxKeys: 50, keyPattern: BUSINESS_KEY_PATTERN, maxLength: 20_000 });
