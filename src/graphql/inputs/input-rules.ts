import {
  ArrayMaxSize,
  ArrayNotEmpty,
  Length,
  Matches,
  type ValidationOptions,
} from 'class-validator';

/** Longest accepted values, in characters (the domain's own limits where it has them). */
export const MAX_LENGTH = {
  identifier: 100,
  name: 200,
  registrationNumber: 50,
  address: 500,
  text: 2_000,
} as const;

/** Most entries accepted in one list (team members, sites, reasons...). */
export const MAX_ENTRIES = 100;

const combine =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };

const each = (list: boolean): ValidationOptions => (list ? { each: true } : {});

/** An id chosen by a caller: 1-100 characters without white space. */
export const IsIdentifier = ({ list = false } = {}): PropertyDecorator =>
  combine(
    Length(1, MAX_LENGTH.identifier, each(list)),
    Matches(/^\S+$/, {
      ...each(list),
      message: ({ property }) => `${property} must not contain white space`,
    }),
  );

/** Text that is not blank, at most `maximum` characters. */
export const IsText = (maximum: number, { list = false } = {}): PropertyDecorator =>
  combine(
    Length(1, maximum, each(list)),
    Matches(/\S/, {
      ...each(list),
      message: ({ property }) => `${property} must not be blank`,
    }),
  );

/** A list of at most MAX_ENTRIES entries, at least one when `nonEmpty`. */
export const IsList = ({ nonEmpty }: { nonEmpty: boolean }): PropertyDecorator =>
  nonEmpty ? combine(ArrayNotEmpty(), ArrayMaxSize(MAX_ENTRIES)) : ArrayMaxSize(MAX_ENTRIES);

/** An ISO 3166-1 alpha-2 code in upper case (the domain checks it is an assigned code). */
export const IsCountryCode = (): PropertyDecorator =>
  Matches(/^[A-Z]{2}$/, {
    message: ({ property }) => `${property} must be an ISO 3166-1 alpha-2 code such as CN`,
  });
