import {
  type CalendarDate,
  calendarDate,
  type CertificateCommand,
  type CertificateEvent,
  type CertificateState,
  certificateDecider,
  type CertificationPolicy,
  DEFAULT_POLICY,
  type IssueCertificate,
  POLICY_PROFILES,
} from '../../../src/domain';
import { DeciderSpecification } from '../../support/decider-specification';

export const d = (input: string): CalendarDate => calendarDate(input);

export const spec = DeciderSpecification.for(certificateDecider);

export const CERTIFICATE_ID = 'cert-42';
export const NUMBER = 'CN-20000-00042';
export const SMS_2018 = { identifier: 'ISO/IEC 20000-1', version: '2018' };
export const SMS_2011 = { identifier: 'ISO/IEC 20000-1', version: '2011' };
export const ISMS_2013 = { identifier: 'ISO/IEC 27001', version: '2013' };
export const ISMS_2022 = { identifier: 'ISO/IEC 27001', version: '2022' };

export const SITES = [
  { siteId: 'hq', name: 'Head office', address: '1 Main Street, Beijing', scope: 'IT services' },
];

export const issueCommand = (
  overrides: Partial<IssueCertificate['data']> = {},
): IssueCertificate => ({
  type: 'IssueCertificate',
  data: {
    certificateId: CERTIFICATE_ID,
    organisationId: 'org-1',
    auditCycleId: 'cycle-1',
    numbering: { pattern: 'CN-{standardNumber}-{sequence:5}', sequence: 42 },
    standard: SMS_2018,
    scope: 'Operation of IT services for retail banking customers',
    sites: SITES,
    organisationName: 'Acme IT Ltd',
    organisationLocation: 'Beijing, CN',
    certificationBodyName: 'Example Certification Co',
    decisionDate: d('2024-03-15'),
    effectiveDate: d('2024-03-20'),
    policy: DEFAULT_POLICY,
    actor: 'decider-1',
    ...overrides,
  },
});

export const CN_POLICY: CertificationPolicy = POLICY_PROFILES.CN_CNCA;

export const decide = (events: CertificateEvent[], command: CertificateCommand) =>
  certificateDecider.decide(command, fold(events));

export const fold = (events: readonly CertificateEvent[]): CertificateState =>
  events.reduce(
    (state, event) => certificateDecider.evolve(state, event),
    certificateDecider.initialState(),
  );

/** Runs commands one after another, returning every event (throws on the first refusal). */
export const run = (...commands: CertificateCommand[]): CertificateEvent[] =>
  commands.reduce<CertificateEvent[]>(
    (events, command) => [...events, ...decide(events, command)],
    [],
  );

export const issued = (overrides: Partial<IssueCertificate['data']> = {}): CertificateEvent[] =>
  run(issueCommand(overrides));

export const renew = (
  decisionDate: string,
  effectiveDate = decisionDate,
  overrides: Record<string, unknown> = {},
): CertificateCommand => ({
  type: 'RenewCertificate',
  data: {
    certificateId: CERTIFICATE_ID,
    auditCycleId: 'cycle-2',
    decisionDate: d(decisionDate),
    effectiveDate: d(effectiveDate),
    standard: SMS_2018,
    scope: 'Operation of IT services for retail banking customers',
    sites: SITES,
    organisationName: 'Acme IT Ltd',
    organisationLocation: 'Beijing, CN',
    actor: 'decider-2',
    ...overrides,
  },
});

export const restore = (
  decisionDate: string,
  overrides: Record<string, unknown> = {},
): CertificateCommand => ({
  type: 'RestoreCertificate',
  data: {
    certificateId: CERTIFICATE_ID,
    auditCycleId: 'cycle-2',
    decisionDate: d(decisionDate),
    standard: SMS_2018,
    scope: 'Operation of IT services for retail banking customers',
    sites: SITES,
    organisationName: 'Acme IT Ltd',
    organisationLocation: 'Beijing, CN',
    actor: 'decider-2',
    ...overrides,
  },
});

export const expire = (recordedOn: string): CertificateCommand => ({
  type: 'ExpireCertificate',
  data: { certificateId: CERTIFICATE_ID, recordedOn: d(recordedOn), actor: 'scanner' },
});

export const suspend = (
  suspendedOn: string,
  overrides: Record<string, unknown> = {},
): CertificateCommand => ({
  type: 'SuspendCertificate',
  data: {
    certificateId: CERTIFICATE_ID,
    grounds: 'SERIOUS_FAILURE',
    details: 'major nonconformity in incident management not corrected',
    suspendedOn: d(suspendedOn),
    ownFault: true,
    actor: 'manager-1',
    ...overrides,
  },
});

export const reinstate = (reinstatedOn: string): CertificateCommand => ({
  type: 'ReinstateCertificate',
  data: {
    certificateId: CERTIFICATE_ID,
    reinstatedOn: d(reinstatedOn),
    reason: 'corrective action verified',
    actor: 'manager-1',
  },
});

export const withdraw = (withdrawnOn: string, ownFault = true): CertificateCommand => ({
  type: 'WithdrawCertificate',
  data: {
    certificateId: CERTIFICATE_ID,
    withdrawnOn: d(withdrawnOn),
    reason: 'suspension not resolved',
    ownFault,
    actor: 'manager-1',
  },
});

export const extendScope = (
  decisionDate: string,
  overrides: Record<string, unknown> = {},
): CertificateCommand => ({
  type: 'ExtendScope',
  data: {
    certificateId: CERTIFICATE_ID,
    scope: 'Operation of IT services for retail and corporate banking customers',
    sites: [
      ...SITES,
      { siteId: 'dc', name: 'Data centre', address: '9 Server Road, Tianjin', scope: 'Hosting' },
    ],
    decisionDate: d(decisionDate),
    effectiveDate: d(decisionDate),
    extensionAudit: { auditId: 'special-extension', lastDay: d(decisionDate), sites: ['dc'] },
    actor: 'decider-1',
    ...overrides,
  },
});

export const reduceScope = (
  decisionDate: string,
  overrides: Record<string, unknown> = {},
): CertificateCommand => ({
  type: 'ReduceScope',
  data: {
    certificateId: CERTIFICATE_ID,
    scope: 'Operation of IT services for retail banking customers in Beijing',
    sites: SITES,
    decisionDate: d(decisionDate),
    effectiveDate: d(decisionDate),
    actor: 'decider-1',
    ...overrides,
  },
});

export const transition = (
  decisionDate: string,
  standard = SMS_2018,
  effectiveDate = decisionDate,
): CertificateCommand => ({
  type: 'TransitionStandardVersion',
  data: {
    certificateId: CERTIFICATE_ID,
    standard,
    decisionDate: d(decisionDate),
    effectiveDate: d(effectiveDate),
    transitionAuditLastDay: d(decisionDate),
    actor: 'decider-1',
  },
});
