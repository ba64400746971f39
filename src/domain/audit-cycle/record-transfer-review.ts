import { cappedExpiry, standardCode } from '../standards';
import { InvalidAuditCycleInputError } from './application-errors';
import type { RecordTransferReview } from './audit-cycle-commands';
import type { TransferReviewRecorded } from './audit-cycle-events';
import { openAuditCycle, requireAcceptedApplication } from './audit-cycle-guards';
import type { AuditCycle, AuditCycleState } from './audit-cycle-state';
import type { OutstandingNonconformity, PreviousCertificateStatus } from './audit-cycle-types';
import {
  requireDate,
  requireOneOf,
  requireOrderedDates,
  requireText,
  requireTextList,
} from './input-validation';
import {
  NotATransferError,
  CertificateNotTransferableError,
  TransferReviewAlreadyRecordedError,
} from './transfer-errors';
import { requireNoOutstandingMajor, requireSurveillanceNotOverdue } from './transfer-standing';

const STATUSES: readonly PreviousCertificateStatus[] = [
  'VALID',
  'SUSPENDED',
  'WITHDRAWN',
  'EXPIRED',
];

const outstandingOf = (list: unknown): OutstandingNonconformity[] => {
  if (!Array.isArray(list)) {
    throw new InvalidAuditCycleInputError(
      'outstandingNonconformities must be a list',
      'outstandingNonconformities',
    );
  }
  return list.map((nc: OutstandingNonconformity, index) => ({
    reference: requireText(nc?.reference, `outstandingNonconformities[${index}].reference`),
    grade: requireOneOf(
      nc.grade,
      ['MAJOR', 'MINOR'] as const,
      `outstandingNonconformities[${index}].grade`,
    ),
    description: requireText(nc.description, `outstandingNonconformities[${index}].description`),
  }));
};

/**
 * IAF MD 2: only a valid, non-suspended, accredited certificate is transferred; one to a superseded
 * version is valid until min(its expiry, the transition end).
 */
const requireTransferable = (cycle: AuditCycle, data: RecordTransferReview['data']) => {
  const transfer = cycle.application.transfer;
  const certificate = `certificate ${transfer?.previousCertificateNumber} of ${transfer?.previousCertificationBody}`;
  if (data.certificateStatus !== 'VALID') {
    throw new CertificateNotTransferableError(
      `${certificate} is ${data.certificateStatus.toLowerCase()} on ${data.reviewedOn}: only a valid, ` +
        `non-suspended certificate is transferred (IAF MD 2)`,
    );
  }
  if (data.accredited !== true) {
    throw new CertificateNotTransferableError(
      `${certificate} is not covered by an accreditation: only accredited certificates are ` +
        `transferred (IAF MD 2), review of ${data.reviewedOn}`,
    );
  }
  if (!transfer) return;
  const { standard } = cycle.application;
  const expiry = cappedExpiry(standard, transfer.certificateExpiryDate);
  if (data.reviewedOn > expiry) {
    const cause =
      expiry < transfer.certificateExpiryDate
        ? ` (the transition end of ${standardCode(standard)})`
        : '';
    throw new CertificateNotTransferableError(
      `${certificate} expired after ${expiry}${cause}, before the review of ${data.reviewedOn}`,
    );
  }
};

export const recordTransferReview = (
  { data }: RecordTransferReview,
  state: AuditCycleState,
): TransferReviewRecorded[] => {
  const cycle = openAuditCycle(state, data.auditCycleId);
  if (cycle.application.kind !== 'TRANSFER') {
    throw new NotATransferError(
      `audit cycle ${data.auditCycleId} is a ${cycle.application.kind} cycle: no pre-transfer review`,
    );
  }
  if (cycle.transferReview !== null) {
    throw new TransferReviewAlreadyRecordedError(
      `the pre-transfer review was already recorded on ${cycle.transferReview.reviewedOn}`,
    );
  }
  requireAcceptedApplication(cycle, 'record the pre-transfer review');
  const reviewedOn = requireDate(data.reviewedOn, 'reviewedOn');
  if (cycle.review) {
    requireOrderedDates(
      cycle.review.reviewedOn,
      reviewedOn,
      'application accepted on',
      'reviewedOn',
    );
  }
  const certificateStatus = requireOneOf(data.certificateStatus, STATUSES, 'certificateStatus');
  const reviewedBy = requireText(data.reviewedBy, 'reviewedBy');
  const reasonsForTransfer = requireTextList(data.reasonsForTransfer, 'reasonsForTransfer', {
    nonEmpty: true,
  });
  const outstandingNonconformities = outstandingOf(data.outstandingNonconformities);
  const lastReports = requireTextList(data.lastReports, 'lastReports', { nonEmpty: true });
  const complaints = requireTextList(data.complaints, 'complaints', { nonEmpty: false });
  requireTransferable(cycle, { ...data, reviewedOn, certificateStatus });
  requireSurveillanceNotOverdue(cycle, reviewedOn);
  requireNoOutstandingMajor(cycle, outstandingNonconformities, reviewedOn);
  return [
    {
      type: 'TransferReviewRecorded',
      data: {
        auditCycleId: data.auditCycleId,
        reviewedOn,
        reviewedBy,
        certificateStatus,
        accredited: true,
        reasonsForTransfer,
        outstandingNonconformities,
        lastReports,
        complaints,
      },
    },
  ];
};
