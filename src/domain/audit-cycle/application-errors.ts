import type { CalendarDate } from '../calendar';
import { DomainError } from '../errors';
import { standardCode, type StandardReference } from '../standards';

/** Malformed command data: a missing id, a bad date, an empty list; `field` names it. */
export class InvalidAuditCycleInputError extends DomainError {
  override readonly name = 'InvalidAuditCycleInputError';
  constructor(message: string, field: string) {
    super('INVALID_INPUT', message, field);
  }
}

export class AuditCycleNotFoundError extends DomainError {
  override readonly name = 'AuditCycleNotFoundError';
  constructor(message: string) {
    super('AUDIT_CYCLE_NOT_FOUND', message);
  }
}

export class AuditCycleAlreadyExistsError extends DomainError {
  override readonly name = 'AuditCycleAlreadyExistsError';
  constructor(message: string) {
    super('AUDIT_CYCLE_EXISTS', message);
  }
}

/** The application was rejected or certification refused: the cycle takes no more commands. */
export class AuditCycleClosedError extends DomainError {
  override readonly name = 'AuditCycleClosedError';
  constructor(message: string) {
    super('AUDIT_CYCLE_CLOSED', message);
  }
}

/** No audits or certification to a superseded version after its last audit date or transition end. */
export class StandardVersionClosedError extends DomainError {
  override readonly name = 'StandardVersionClosedError';
  constructor(message: string) {
    super('STANDARD_VERSION_CLOSED', message);
  }
}

export class ApplicationAlreadyReviewedError extends DomainError {
  override readonly name = 'ApplicationAlreadyReviewedError';
  constructor(message: string) {
    super('APPLICATION_ALREADY_REVIEWED', message);
  }
}

export class RejectionReasonsRequiredError extends DomainError {
  override readonly name = 'RejectionReasonsRequiredError';
  constructor(message: string) {
    super('REJECTION_REASONS_REQUIRED', message, 'reasons');
  }
}

export class ReadinessNotMetError extends DomainError {
  override readonly name = 'ReadinessNotMetError';
  constructor(message: string) {
    super('READINESS_NOT_MET', message);
  }
}

/** 17021-1 5.2.7: no certification within the cooling-off after consultancy by a related body. */
export class RecertificationAlreadyOpenError extends DomainError {
  override readonly name = 'RecertificationAlreadyOpenError';
  constructor(certificateId: string, auditCycleId: string, submittedOn: CalendarDate) {
    super(
      'RECERTIFICATION_ALREADY_OPEN',
      `certificate ${certificateId} already has recertification cycle ${auditCycleId}, applied for on ` +
        `${submittedOn} and not decided: decide or reject that one first`,
    );
  }
}

/** A second application for a new certificate to the same standard while the first is open. */
export class ApplicationAlreadyOpenError extends DomainError {
  override readonly name = 'ApplicationAlreadyOpenError';
  constructor(open: {
    auditCycleId: string;
    kind: string;
    standard: StandardReference;
    submittedOn: CalendarDate;
  }) {
    super(
      'APPLICATION_ALREADY_OPEN',
      `the organisation already has ${open.kind.toLowerCase()} application ${open.auditCycleId} ` +
        `to ${standardCode(open.standard)}, submitted on ${open.submittedOn} and neither rejected ` +
        'nor decided: one management system gets one certificate per standard, so review or ' +
        'decide that application first',
    );
  }
}

export class ReapplicationBarredError extends DomainError {
  override readonly name = 'ReapplicationBarredError';
  constructor(message: string) {
    super('REAPPLICATION_BARRED', message);
  }
}

export class ConsultancyCoolingOffError extends DomainError {
  override readonly name = 'ConsultancyCoolingOffError';
  constructor(message: string) {
    super('CONSULTANCY_COOLING_OFF', message);
  }
}

export class ApplicationNotAcceptedError extends DomainError {
  override readonly name = 'ApplicationNotAcceptedError';
  constructor(message: string) {
    super('APPLICATION_NOT_ACCEPTED', message);
  }
}

/** The former certificate named for a new certification from stage 2 does not qualify for it. */
export class FormerCertificateNotLapsedError extends DomainError {
  override readonly name = 'FormerCertificateNotLapsedError';
  constructor(message: string) {
    super('FORMER_CERTIFICATE_NOT_LAPSED', message);
  }
}

/** An application for a new certificate while the organisation holds one to the same standard. */
export class CertificateAlreadyHeldError extends DomainError {
  override readonly name = 'CertificateAlreadyHeldError';
  constructor(message: string) {
    super('CERTIFICATE_ALREADY_HELD', message);
  }
}
