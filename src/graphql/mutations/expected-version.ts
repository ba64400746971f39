import type { OperationOptions } from '../../application';
import { BadUserInputError } from '../errors';

/** The service options for a mutation's `expectedVersion` argument (left out or null: none). */
export const expectedVersionOption = (
  expectedVersion: number | null | undefined,
): OperationOptions => {
  if (expectedVersion === null || expectedVersion === undefined) return {};
  if (expectedVersion < 0) {
    throw new BadUserInputError(
      'expectedVersion',
      `expectedVersion must be 0 (not created yet) or more, got ${expectedVersion}`,
    );
  }
  return { expectedVersion };
};
