import { addDays, type CalendarDate, isCalendarDate } from '../calendar';
import {
  findStandard,
  findTypedStandard,
  type StandardReference,
  type StandardVersion,
  standardCode,
} from '../standards';
import {
  CertificateExpiredError,
  CertificateMismatchError,
  CertificateNotIssuedError,
  CertificateNotYetEffectiveError,
  CertificateWithdrawnError,
  ChangeBeforeLastChangeError,
  RevisionBeforeLastRevisionError,
  EffectiveBeforeDecisionError,
  InvalidCertificateCommandError,
} from './certificate-errors';
import type { CertificateSite } from './certificate-site';
import type { CertificateState, IssuedCertificateState } from './certificate-state';
import { certificateStatusOn, revisionOn } from './certificate-status';
import { EmptyScopeError } from './scope-errors';
import { StandardVersionNotAllowedError } from './standard-version-errors';

export const requireDate = (commandType: string, field: string, value: unknown): CalendarDate => {
  if (!isCalendarDate(value)) {
    throw new InvalidCertificateCommandError(
      commandType,
      `${field} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`,
      field,
    );
  }
  return value;
};

export const requireText = (commandType: string, field: string, value: unknown): string => {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidCertificateCommandError(
      commandType,
      `${field} must be a non-blank text`,
      field,
    );
  }
  return value;
};

export const requireEffectiveOnOrAfterDecision = (
  decisionDate: CalendarDate,
  effectiveDate: CalendarDate,
): void => {
  if (effectiveDate < decisionDate)
    throw new EffectiveBeforeDecisionError(effectiveDate, decisionDate);
};

/** A scope text and at least one site, each with its own scope text and a distinct id. */
export const requireScope = (
  number: string,
  what: string,
  scope: string,
  sites: readonly CertificateSite[],
): void => {
  if (scope.trim() === '' || sites.length === 0 || sites.some((s) => s.scope.trim() === '')) {
    throw new EmptyScopeError(number, what);
  }
  const ids = sites.map((s) => s.siteId);
  if (ids.some((id) => id.trim() === '') || new Set(ids).size !== ids.length) {
    throw new InvalidCertificateCommandError(
      what,
      'sites need distinct, non-blank site ids',
      'sites',
    );
  }
};

export const issuedFor = (
  state: CertificateState,
  commandType: string,
  certificateId: string,
): IssuedCertificateState => {
  if (state.status === 'NOT_ISSUED')
    throw new CertificateNotIssuedError(certificateId, commandType);
  if (state.certificateId !== certificateId) {
    throw new CertificateMismatchError(certificateId, state.certificateId);
  }
  return state;
};

export const requireNotBeforeLastChange = (
  state: IssuedCertificateState,
  what: string,
  date: CalendarDate,
): void => {
  if (state.withdrawal)
    throw new CertificateWithdrawnError(state.number, state.withdrawal.withdrawnOn, what);
  if (date < state.lastChangeOn) {
    throw new ChangeBeforeLastChangeError(state.number, what, date, state.lastChangeOn);
  }
};

/** A new revision takes effect on or after the latest recorded one, so revisions stay in order. */
export const requireEffectiveAfterRevisions = (
  state: IssuedCertificateState,
  what: string,
  effectiveDate: CalendarDate,
): void => {
  if (effectiveDate < state.lastEffectiveOn) {
    throw new RevisionBeforeLastRevisionError(
      state.number,
      what,
      effectiveDate,
      state.lastEffectiveOn,
    );
  }
};

/** The certificate is in force (ACTIVE or SUSPENDED) on the date; returns which. */
export const requireInForce = (
  state: IssuedCertificateState,
  what: string,
  date: CalendarDate,
): 'ACTIVE' | 'SUSPENDED' => {
  requireNotBeforeLastChange(state, what, date);
  const status = certificateStatusOn(state, date);
  if (status === 'DRAFT') {
    throw new CertificateNotYetEffectiveError(state.number, what, date, state.effectiveDate);
  }
  if (status === 'EXPIRED') {
    const expiry = revisionOn(state, date)?.expiryDate ?? state.expiryDate;
    throw new CertificateExpiredError(state.number, expiry, what, date);
  }
  if (status === 'WITHDRAWN') {
    throw new CertificateWithdrawnError(state.number, state.withdrawal?.withdrawnOn ?? date, what);
  }
  return status;
};

/** A revision may not start after the expiry in force. */
export const requireEffectiveBeforeExpiry = (
  state: IssuedCertificateState,
  what: string,
  effectiveDate: CalendarDate,
): void => {
  if (effectiveDate > state.expiryDate) {
    throw new CertificateExpiredError(state.number, state.expiryDate, what, effectiveDate);
  }
};

/**
 * A new cycle keeps the version or moves to the one that supersedes it: the catalog's version of
 * the standard typed (`findTypedStandard`), which the new cycle records.
 */
export const requireSameOrSuccessorVersion = (
  state: IssuedCertificateState,
  typed: StandardReference,
): StandardVersion => {
  const current = findStandard(state.standard);
  const standard = findTypedStandard(typed);
  const allowed = [current.version, ...(current.supersededBy ? [current.supersededBy] : [])];
  if (standard.identifier !== current.identifier || !allowed.includes(standard.version)) {
    throw new StandardVersionNotAllowedError(
      state.number,
      standardCode(current),
      standardCode(standard),
      allowed
        .map((version) => standardCode({ identifier: current.identifier, version }))
        .join(' or '),
    );
  }
  return standard;
};

export const dayAfter = (date: CalendarDate): CalendarDate => addDays(date, 1);
