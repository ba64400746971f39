import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../../src/eventstore';

const content = (certificateId: string) => ({
  certificateId,
  number: `CN-${certificateId}`,
  revision: 1,
  standard: { identifier: 'ISO 9001', version: '2015' },
  scope: 'Design of widgets',
  sites: [],
  decisionDate: '2026-01-10',
  effectiveDate: '2026-01-10',
  expiryDate: '2029-01-09',
  uncappedExpiryDate: '2029-01-09',
  actor: 'decision-maker',
});

const event = (type: string, data: object): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID(), actor: 'tester' },
});

/** Dates and content a test sets (`expiryDate`, `standard` …) over the defaults. */
type Changes = Record<string, unknown>;

export const certificateIssued = (
  certificateId: string,
  organisationId: string,
  changes: Changes = {},
) =>
  event('CertificateIssued', {
    ...content(certificateId),
    ...changes,
    organisationId,
    auditCycleId: `cycle-${certificateId}`,
    organisationName: 'Widgets Ltd',
    organisationLocation: 'Leeds',
    certificationBodyName: 'CB',
    originalCertificationDate: '2026-01-10',
    cycleDecisionDate: '2026-01-10',
    policy: {},
  });

export const certificateSuspended = (certificateId: string, changes: Changes = {}) =>
  event('CertificateSuspended', {
    certificateId,
    number: `CN-${certificateId}`,
    grounds: 'SURVEILLANCE_NOT_HELD',
    details: 'confidential findings of the audit',
    suspendedOn: '2026-06-01',
    limitDate: '2026-12-01',
    ownFault: true,
    reapplicationBarredUntil: null,
    actor: 'decision-maker',
    ...changes,
  });

export const certificateReinstated = (certificateId: string, changes: Changes = {}) =>
  event('CertificateReinstated', {
    certificateId,
    number: `CN-${certificateId}`,
    reinstatedOn: '2026-07-01',
    suspendedOn: '2026-06-01',
    reason: 'confidential reasons',
    actor: 'decision-maker',
    ...changes,
  });

export const certificateWithdrawn = (certificateId: string, changes: Changes = {}) =>
  event('CertificateWithdrawn', {
    certificateId,
    number: `CN-${certificateId}`,
    withdrawnOn: '2026-07-01',
    reason: 'confidential reasons',
    ownFault: true,
    reapplicationBarredUntil: null,
    actor: 'decision-maker',
    ...changes,
  });

export const certificateScopeReduced = (certificateId: string, changes: Changes = {}) =>
  event('CertificateScopeReduced', {
    ...content(certificateId),
    revision: 2,
    scope: 'Widgets',
    ...changes,
  });

export const certificateTransitioned = (certificateId: string, changes: Changes = {}) =>
  event('CertificateTransitioned', {
    ...content(certificateId),
    previousStandard: { identifier: 'ISO 9001', version: '2008' },
    ...changes,
  });

/** The scan's record of the expiry of a term ending on `expiryDate`. */
export const certificateExpired = (certificateId: string, expiryDate: string, expiredOn: string) =>
  event('CertificateExpired', {
    certificateId,
    number: `CN-${certificateId}`,
    expiryDate,
    expiredOn,
    recordedOn: expiredOn,
    actor: 'deadline-scanner',
  });

/** A recertification granted: a new cycle whose term ends three years after `previousExpiryDate`. */
export const certificateRenewed = (certificateId: string, changes: Changes = {}) =>
  event('CertificateRenewed', {
    ...content(certificateId),
    revision: 2,
    auditCycleId: `cycle-2-${certificateId}`,
    previousExpiryDate: '2029-01-09',
    expiryDate: '2032-01-09',
    uncappedExpiryDate: '2032-01-09',
    cycleDecisionDate: '2028-12-01',
    ...changes,
  });

/** A restoration after the expiry of the term ending on `previousExpiryDate` (2029-01-09). */
export const certificateRestored = (certificateId: string, changes: Changes = {}) =>
  event('CertificateRestored', {
    ...content(certificateId),
    revision: 2,
    auditCycleId: `cycle-2-${certificateId}`,
    decisionDate: '2029-03-01',
    effectiveDate: '2029-03-01',
    previousExpiryDate: '2029-01-09',
    expiryDate: '2032-01-09',
    uncappedExpiryDate: '2032-01-09',
    cycleDecisionDate: '2029-03-01',
    gap: { from: '2029-01-10', to: '2029-02-28' },
    ...changes,
  });
