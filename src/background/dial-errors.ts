/** The sentence (message key) for each way typed or selected text fails to be a dialable number. */
import type { DialInputError } from '../phone';

export const DIAL_ERROR_REASONS: Readonly<Record<DialInputError, string>> = {
  empty: 'dialErrorEmpty',
  'not-a-number': 'dialErrorNotANumber',
  'too-short': 'dialErrorTooShort',
  'too-long': 'dialErrorTooLong',
  invalid: 'dialErrorInvalid',
};
