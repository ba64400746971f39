import { maxDate } from '../calendar';
import { certificateEventDate } from './certificate-event-date';
import { inOrderWithRecordedExpiry } from './before-recorded-expiry';
import type {
  CertificateContent,
  CertificateEvent,
  CertificateRenewed,
  CertificateRestored,
} from './certificate-events';
import type {
  CertificateHolder,
  CertificateRevision,
  CertificateState,
  IssuedCertificateState,
  RevisionCause,
} from './certificate-state';
import { endSuspension, expiryRecorded } from './expiry-recorded';

const revisionOf = (
  data: CertificateContent,
  cause: RevisionCause,
  auditCycleId: string,
  holder: CertificateHolder,
): CertificateRevision => ({
  revision: data.revision,
  cause,
  auditCycleId,
  standard: data.standard,
  scope: data.scope,
  sites: data.sites,
  decisionDate: data.decisionDate,
  effectiveDate: data.effectiveDate,
  expiryDate: data.expiryDate,
  uncappedExpiryDate: data.uncappedExpiryDate,
  organisationName: holder.organisationName,
  organisationLocation: holder.organisationLocation,
});

/**
 * A new revision; a new cycle's (renewal, restoration) prints the holder its event names (events
 * recorded before 2026-11-28 name none: the certificate's stays), any other the certificate's.
 */
const revised = (
  state: IssuedCertificateState,
  data: CertificateContent,
  cause: RevisionCause,
  auditCycleId = state.auditCycleId,
  holder: CertificateHolder = state,
): IssuedCertificateState => ({
  ...state,
  organisationName: holder.organisationName,
  organisationLocation: holder.organisationLocation,
  auditCycleId,
  revision: data.revision,
  standard: data.standard,
  scope: data.scope,
  sites: data.sites,
  decisionDate: data.decisionDate,
  effectiveDate: data.effectiveDate,
  expiryDate: data.expiryDate,
  uncappedExpiryDate: data.uncappedExpiryDate,
  revisions: [...state.revisions, revisionOf(data, cause, auditCycleId, holder)],
  lastChangeOn: maxDate(state.lastChangeOn, data.decisionDate),
  lastEffectiveOn: maxDate(state.lastEffectiveOn, data.effectiveDate),
});

/** The holder a new cycle's event names, or the certificate's for an event recorded before. */
const holderOf = (
  state: IssuedCertificateState,
  data: CertificateRenewed['data'] | CertificateRestored['data'],
): CertificateHolder => ({
  organisationName: data.organisationName ?? state.organisationName,
  organisationLocation: data.organisationLocation ?? state.organisationLocation,
});

const issued = (state: CertificateState): IssuedCertificateState | null =>
  state.status === 'NOT_ISSUED' ? null : state;

/**
 * The changes dated by the day they happened: one dated on or before a recorded expiry's date was
 * decided in time, and applies as if entered before the record.
 */
const DATED_CHANGES: ReadonlySet<CertificateEvent['type']> = new Set([
  'CertificateRenewed',
  'CertificateSuspended',
  'CertificateReinstated',
  'CertificateWithdrawn',
  'CertificateScopeExtended',
  'CertificateScopeReduced',
  'CertificateTransitioned',
]);

type ChangeEvent = Exclude<
  CertificateEvent,
  { type: 'CertificateIssued' | 'CertificateTransferredIn' }
>;

const evolveIssued = (
  certificate: IssuedCertificateState,
  event: ChangeEvent,
): IssuedCertificateState => {
  switch (event.type) {
    case 'CertificateRenewed':
      return {
        ...revised(
          certificate,
          event.data,
          'RENEWED',
          event.data.auditCycleId,
          holderOf(certificate, event.data),
        ),
        cycleDecisionDate: event.data.cycleDecisionDate,
      };
    case 'CertificateRestored': {
      const { data } = event;
      const lapseEnd = { restoredOn: data.decisionDate };
      const known = certificate.lapses.some((l) => l.expiryDate === data.previousExpiryDate);
      const expiredOn = data.gap?.from ?? data.decisionDate;
      return {
        ...revised(certificate, data, 'RESTORED', data.auditCycleId, holderOf(certificate, data)),
        status: 'ACTIVE',
        cycleDecisionDate: data.cycleDecisionDate,
        statusChanges: [
          ...certificate.statusChanges,
          { status: 'ACTIVE', from: data.decisionDate },
        ],
        suspensions: endSuspension(certificate.suspensions, expiredOn, 'EXPIRED'),
        lapses: known
          ? certificate.lapses.map((l) =>
              l.expiryDate === data.previousExpiryDate ? { ...l, ...lapseEnd } : l,
            )
          : [
              ...certificate.lapses,
              {
                expiryDate: data.previousExpiryDate,
                expiredOn,
                recordedOn: null,
                ...lapseEnd,
                lastChangeBefore: certificate.lastChangeOn,
              },
            ],
      };
    }
    case 'CertificateExpired':
      // Logs written before a late renewal keeping the expiry kept its record hold a second one.
      return certificate.lapses.some(
        (l) => l.expiryDate === event.data.expiryDate && l.recordedOn !== null,
      )
        ? certificate
        : expiryRecorded(certificate, event.data);
    case 'CertificateSuspended': {
      const { data } = event;
      return {
        ...certificate,
        status: 'SUSPENDED',
        statusChanges: [
          ...certificate.statusChanges,
          { status: 'SUSPENDED', from: data.suspendedOn },
        ],
        suspensions: [
          ...certificate.suspensions,
          {
            grounds: data.grounds,
            details: data.details,
            suspendedOn: data.suspendedOn,
            limitDate: data.limitDate,
            ownFault: data.ownFault,
            endedOn: null,
            endedBy: null,
          },
        ],
        lastChangeOn: maxDate(certificate.lastChangeOn, data.suspendedOn),
      };
    }
    case 'CertificateReinstated':
      return {
        ...certificate,
        status: 'ACTIVE',
        statusChanges: [
          ...certificate.statusChanges,
          { status: 'ACTIVE', from: event.data.reinstatedOn },
        ],
        suspensions: endSuspension(certificate.suspensions, event.data.reinstatedOn, 'REINSTATED'),
        lastChangeOn: maxDate(certificate.lastChangeOn, event.data.reinstatedOn),
      };
    case 'CertificateWithdrawn': {
      const { data } = event;
      return {
        ...certificate,
        status: 'WITHDRAWN',
        statusChanges: [
          ...certificate.statusChanges,
          { status: 'WITHDRAWN', from: data.withdrawnOn },
        ],
        suspensions: endSuspension(certificate.suspensions, data.withdrawnOn, 'WITHDRAWN'),
        withdrawal: { withdrawnOn: data.withdrawnOn, reason: data.reason, ownFault: data.ownFault },
        lastChangeOn: maxDate(certificate.lastChangeOn, data.withdrawnOn),
      };
    }
    case 'CertificateScopeExtended': {
      const { auditId, revision } = event.data;
      const extended = revised(certificate, event.data, 'SCOPE_EXTENDED');
      return auditId === undefined
        ? extended
        : {
            ...extended,
            extensionAudits: [
              ...certificate.extensionAudits,
              { auditCycleId: certificate.auditCycleId, auditId, revision },
            ],
          };
    }
    case 'CertificateScopeReduced':
      return revised(certificate, event.data, 'SCOPE_REDUCED');
    case 'CertificateTransitioned':
      return revised(certificate, event.data, 'TRANSITIONED');
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
};

export const evolveCertificate = (
  state: CertificateState,
  event: CertificateEvent,
): CertificateState => {
  if (event.type === 'CertificateIssued' || event.type === 'CertificateTransferredIn') {
    const { data } = event;
    const transfer =
      event.type === 'CertificateTransferredIn'
        ? {
            previousCertificationBodyName: event.data.previousCertificationBodyName,
            previousCertificateNumber: event.data.previousCertificateNumber,
            transferredOn: event.data.decisionDate,
          }
        : null;
    return {
      status: 'ACTIVE',
      certificateId: data.certificateId,
      organisationId: data.organisationId,
      auditCycleId: data.auditCycleId,
      number: data.number,
      revision: data.revision,
      standard: data.standard,
      scope: data.scope,
      sites: data.sites,
      organisationName: data.organisationName,
      organisationLocation: data.organisationLocation,
      certificationBodyName: data.certificationBodyName,
      decisionDate: data.decisionDate,
      effectiveDate: data.effectiveDate,
      expiryDate: data.expiryDate,
      uncappedExpiryDate: data.uncappedExpiryDate,
      originalCertificationDate: data.originalCertificationDate,
      cycleDecisionDate: data.cycleDecisionDate,
      policy: data.policy,
      transfer,
      revisions: [
        revisionOf(data, transfer ? 'TRANSFERRED_IN' : 'ISSUED', data.auditCycleId, data),
      ],
      statusChanges: [{ status: 'ACTIVE', from: data.effectiveDate }],
      suspensions: [],
      lapses: [],
      withdrawal: null,
      voidedExpiries: [],
      extensionAudits: [],
      lastChangeOn: data.decisionDate,
      lastEffectiveOn: data.effectiveDate,
    };
  }
  const certificate = issued(state);
  if (!certificate) return state;
  return DATED_CHANGES.has(event.type)
    ? inOrderWithRecordedExpiry(certificate, certificateEventDate(event), (before) =>
        evolveIssued(before, event),
      )
    : evolveIssued(certificate, event);
};
