import { type CalendarDate, calendarDate } from '../calendar';
import { DomainError } from '../errors';
import { withinEdits } from './within-edits';
import { foldedStandardText } from './folded-standard-text';

/** A standard in one version, e.g. ISO/IEC 20000-1:2018. */
export interface StandardVersion {
  /** `ISO/IEC 20000-1` */
  identifier: string;
  /** `2018` */
  version: string;
  title: string;
  publishedOn: CalendarDate;
  /** The version that replaces this one, if any (`2018` for 20000-1:2011). */
  supersededBy: string | null;
  /** The last day for initial, recertification or surveillance audits to this version. */
  lastAuditDate: CalendarDate | null;
  /** Certificates to this version are no longer valid after this date. */
  transitionEnd: CalendarDate | null;
  /** Where the transition dates come from. */
  transitionSource: string | null;
}

export interface StandardReference {
  identifier: string;
  version: string;
}

export const standardCode = ({ identifier, version }: StandardReference): string =>
  `${identifier}:${version}`;

const entry = (
  code: string,
  title: string,
  publishedOn: string,
  transition?: {
    supersededBy: string;
    lastAuditDate?: string;
    transitionEnd: string;
    source: string;
  },
): StandardVersion => {
  const [identifier = code, version = ''] = code.split(':');
  return {
    identifier,
    version,
    title,
    publishedOn: calendarDate(publishedOn),
    supersededBy: transition?.supersededBy ?? null,
    lastAuditDate: transition?.lastAuditDate ? calendarDate(transition.lastAuditDate) : null,
    transitionEnd: transition ? calendarDate(transition.transitionEnd) : null,
    transitionSource: transition?.source ?? null,
  };
};

const SMS = 'Service management system requirements';
const ISMS = 'Information security management systems — Requirements';

/** The catalog as data (domain.md §2 Standard versions). */
export const STANDARDS: readonly StandardVersion[] = [
  entry('ISO/IEC 20000-1:2018', SMS, '2018-09-15'),
  entry('ISO/IEC 20000-1:2011', SMS, '2011-04-15', {
    supersededBy: '2018',
    transitionEnd: '2022-03-31',
    source: 'IAF Resolution 2018-14 (2021-09-30), extended by the IAF COVID-19 FAQ',
  }),
  entry('ISO/IEC 27001:2022', ISMS, '2022-10-25'),
  entry('ISO/IEC 27001:2013', ISMS, '2013-10-01', {
    supersededBy: '2022',
    lastAuditDate: '2024-04-30',
    transitionEnd: '2025-10-31',
    source: 'IAF MD 26',
  }),
  entry('ISO 9001:2015', 'Quality management systems — Requirements', '2015-09-15'),
  entry('ISO 14001:2015', 'Environmental management systems — Requirements', '2015-09-15'),
  entry('ISO 45001:2018', 'Occupational health and safety management systems', '2018-03-12'),
];

const BY_CODE = new Map(STANDARDS.map((s) => [standardCode(s), s]));

/** Each identifier and code of the catalog by its folded text (`foldedStandardText`). */
const SPELLED = new Map<string, { spelling: string; version: StandardVersion | null }>([
  ...STANDARDS.map(
    (s) => [foldedStandardText(s.identifier), { spelling: s.identifier, version: null }] as const,
  ),
  ...STANDARDS.map(
    (s) =>
      [foldedStandardText(standardCode(s)), { spelling: standardCode(s), version: s }] as const,
  ),
]);

const leadingNumber = (text: string): string | undefined => /\d+/.exec(text)?.[0];

/**
 * The catalog entries a standard typed and not found may have meant: those with the number it
 * names (`ISO 9001:2008`, `ISO 20000-1:2018` → ISO 9001:2015, both ISO/IEC 20000-1), and those
 * whose identifier or code is two characters from it or fewer (`ISO 9010:2015`).
 */
export const standardsCloseTo = (typed: string): StandardVersion[] => {
  const folded = foldedStandardText(typed);
  const number = leadingNumber(folded.split(':')[0] ?? '');
  return STANDARDS.filter(
    (s) =>
      (number !== undefined && leadingNumber(s.identifier) === number) ||
      [s.identifier, standardCode(s)].some((text) =>
        withinEdits(folded, foldedStandardText(text), 2),
      ),
  );
};

/** What a message about a standard not found tells the caller: the close entries, else all. */
export const catalogHint = (typed: string): string => {
  const close = standardsCloseTo(typed);
  return close.length > 0
    ? `the closest catalog ${close.length === 1 ? 'entry is' : 'entries are'} ${close.map(standardCode).join(', ')}`
    : `the catalog holds ${STANDARDS.map(standardCode).join(', ')}`;
};

/**
 * A standard the catalog does not hold: named by a command's input (`field` standard), malformed
 * input; named by data recorded earlier (no `field`), a catalog that no longer holds it.
 */
export class UnknownStandardError extends DomainError {
  override readonly name = 'UnknownStandardError';
  constructor(typed: string, field?: 'standard') {
    super(
      'UNKNOWN_STANDARD',
      `standard ${JSON.stringify(typed)} is not in the standards catalog: ${catalogHint(typed)}`,
      field,
    );
  }
}

const catalogVersion = (reference: StandardReference, field?: 'standard'): StandardVersion => {
  const code = standardCode(reference);
  const found = BY_CODE.get(code) ?? SPELLED.get(foldedStandardText(code))?.version;
  if (!found) throw new UnknownStandardError(code, field);
  return found;
};

/**
 * The catalog's version of a standard recorded earlier (an event's, a state's): its `identifier`
 * and `version` are the catalog's spelling. One the catalog does not hold is an
 * UnknownStandardError naming no input field.
 */
export const findStandard = (reference: StandardReference): StandardVersion =>
  catalogVersion(reference);

/**
 * The catalog's version of a standard a command names, typed in any case, width or spacing
 * (`foldedStandardText`): its `identifier` and `version` are the catalog's spelling, which events
 * record. One the catalog does not hold is malformed input: UnknownStandardError naming `standard`.
 */
export const findTypedStandard = (reference: StandardReference): StandardVersion =>
  catalogVersion(reference, 'standard');

/**
 * The catalog's spelling of an identifier (`ISO 9001`) or a code (`ISO 9001:2015`) typed in any
 * case, width or spacing (`foldedStandardText`); null for one the catalog does not hold.
 */
export const catalogIdentifierOrCode = (typed: string): string | null =>
  SPELLED.get(foldedStandardText(typed))?.spelling ?? null;

/** The last day audits may be made to a version: its last audit date, else its transition end. */
export const lastAuditDay = ({
  lastAuditDate,
  transitionEnd,
}: StandardVersion): CalendarDate | null => lastAuditDate ?? transitionEnd;

/** Expiry capped by the transition end of a superseded version: min(expiry, transition end). */
export const cappedExpiry = (reference: StandardReference, expiry: CalendarDate): CalendarDate => {
  const { transitionEnd } = findStandard(reference);
  return transitionEnd !== null && transitionEnd < expiry ? transitionEnd : expiry;
};
