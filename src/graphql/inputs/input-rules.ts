import {
  ArrayMaxSize,
  ArrayNotEmpty,
  Length,
  Matches,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { MAX_LENGTH } from './max-length';

/** Most entries accepted in one list (team members, sites, reasons...). */
export const MAX_ENTRIES = 100;

const combine =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };

/**
 * Validation options whose message says `problem` of the value, or of each value of a list; an
 * empty value fails its length alone, so that it is named as `empty` and nothing else.
 */
const rule = (
  list: boolean,
  problem: (args: ValidationArguments) => string,
): ValidationOptions => ({
  ...(list ? { each: true } : {}),
  message: (args) => `${list ? 'each value in ' : ''}${args.property} ${problem(args)}`,
});

const lengthRule = (list: boolean, maximum: number, empty: string): ValidationOptions =>
  rule(list, ({ value }) =>
    [value].flat().includes('') ? empty : `must be at most ${maximum} characters`,
  );

/** An id chosen by a caller: 1-100 characters without white space. */
export const IsIdentifier = ({ list = false } = {}): PropertyDecorator =>
  combine(
    Length(1, MAX_LENGTH.identifier, lengthRule(list, MAX_LENGTH.identifier, 'must not be empty')),
    Matches(
      /^\S*$/,
      rule(list, () => 'must not contain white space'),
    ),
  );

/** Text that is not blank, at most `maximum` characters. */
export const IsText = (maximum: number, { list = false } = {}): PropertyDecorator =>
  combine(
    Length(1, maximum, lengthRule(list, maximum, 'must not be blank')),
    Matches(
      /^$|\S/,
      rule(list, () => 'must not be blank'),
    ),
  );

/** A list of at most MAX_ENTRIES entries, at least one when `nonEmpty`. */
export const IsList = ({ nonEmpty }: { nonEmpty: boolean }): PropertyDecorator =>
  nonEmpty ? combine(ArrayNotEmpty(), ArrayMaxSize(MAX_ENTRIES)) : ArrayMaxSize(MAX_ENTRIES);

/** An ISO 3166-1 alpha-2 code in upper case (the domain checks it is an assigned code). */
export const IsCountryCode = (): PropertyDecorator =>
  Matches(/^[A-Z]{2}$/, {
    message: ({ property }) => `${property} must be an ISO 3166-1 alpha-2 code such as CN`,
  });
