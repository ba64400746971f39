import { withoutFormatCharacters } from '../../projections';
import { BadUserInputError } from '../errors';

/** Longest certificate number argument accepted, revision suffix and surrounding spaces included. */
export const MAX_CERTIFICATE_NUMBER_LENGTH = 200;

/**
 * A `number` argument as a person types it, refused (BAD_USER_INPUT naming `number`) when it
 * cannot be a certificate number at all: blank (white space and invisible format characters only),
 * longer than MAX_CERTIFICATE_NUMBER_LENGTH, or holding a control character between its first and
 * last visible ones.
 */
export const certificateNumberArgument = (number: string): string => {
  if (withoutFormatCharacters(number).trim() === '') {
    throw new BadUserInputError('number', 'number must not be blank');
  }
  if (number.length > MAX_CERTIFICATE_NUMBER_LENGTH) {
    throw new BadUserInputError(
      'number',
      `number must be at most ${MAX_CERTIFICATE_NUMBER_LENGTH} characters`,
    );
  }
  if (/\p{Cc}/u.test(number.trim())) {
    throw new BadUserInputError('number', 'number must not contain control characters');
  }
  return number;
};
