import { type CalendarDate, calendarDate } from '../calendar';
import { DomainError } from '../errors';

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

export class UnknownStandardError extends DomainError {
  override readonly name = 'UnknownStandardError';
  constructor(reference: StandardReference) {
    super(
      'UNKNOWN_STANDARD',
      `${standardCode(reference)} is not in the standards catalog (known: ` +
        `${STANDARDS.map(standardCode).join(', ')})`,
    );
  }
}

export const findStandard = (reference: StandardReference): StandardVersion => {
  const found = STANDARDS.find(
    (s) => s.identifier === reference.identifier && s.version === reference.version,
  );
  if (!found) throw new UnknownStandardError(reference);
  return found;
};

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
