import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { type CalendarDate, calendarDate, isCalendarDate } from '../../domain/calendar';

/**
 * `YYYY-MM-DD`, strictly (no time, no zone). Bad input throws `InvalidCalendarDateError`, which the
 * error formatter answers as BAD_USER_INPUT naming the argument or variable.
 */
export const CalendarDateScalar = new GraphQLScalarType<CalendarDate, string>({
  name: 'CalendarDate',
  description: 'A calendar date without time or zone, `YYYY-MM-DD` (ISO 8601), years 1900-2999.',
  specifiedByURL: 'https://www.iso.org/iso-8601-date-and-time-format.html',
  serialize(value) {
    if (!isCalendarDate(value)) {
      throw new TypeError(`CalendarDate cannot represent ${JSON.stringify(value)}`);
    }
    return value;
  },
  parseValue: (value) => calendarDate(value),
  parseLiteral: (ast) =>
    calendarDate(ast.kind === Kind.STRING ? ast.value : valueFromASTUntyped(ast)),
});
