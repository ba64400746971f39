import {
  AuditOrderError,
  type FormerCertificate,
  FormerCertificateNotLapsedError,
  InvalidAuditCycleInputError,
  POLICY_PROFILES,
  type SubmitApplication,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  completeAudit,
  d,
  decideCertification,
  planAudit,
  spec,
  submitApplication,
  submitRecertification,
} from './audit-cycle-fixtures';

/** Expired 2025-09-30; under the default policy it could be restored until 2026-03-30. */
const former = (overrides: Partial<FormerCertificate> = {}): FormerCertificate => ({
  certificateId: 'cert-0',
  organisationId: 'org-1',
  number: 'CN-20000-00007',
  standardIdentifier: 'ISO/IEC 20000-1',
  expiryDate: d('2025-09-30'),
  withdrawnOn: null,
  restorationWindowEnd: d('2026-03-30'),
  ...overrides,
});

const applyAfterWindow = (overrides: Partial<FormerCertificate> = {}) =>
  submitApplication({ submittedOn: d('2026-04-01'), formerCertificate: former(overrides) });

/** What the submitted application recorded as its lapsed certificate. */
const lapsedOf = (command: SubmitApplication) => {
  const [submitted] = spec([]).when(command).events();
  if (submitted?.type !== 'ApplicationSubmitted') throw new Error('no ApplicationSubmitted');
  return submitted.data.lapsedCertificate;
};

/** An accepted application that names the lapsed certificate; no stage 1 planned. */
const acceptedFromStage2 = () =>
  new AuditCycleHistory().run(applyAfterWindow()).accepted('2026-04-02');

describe('a new certification from stage 2 after the restoration window (domain.md 9.6.3)', () => {
  it('records the lapsed certificate on the INITIAL application', () => {
    expect(lapsedOf(applyAfterWindow())).toEqual({
      certificateId: 'cert-0',
      number: 'CN-20000-00007',
      expiryDate: d('2025-09-30'),
      restorationWindowEnd: d('2026-03-30'),
    });
  });

  it('records none when no former certificate is named', () => {
    expect(lapsedOf(submitApplication())).toBeNull();
  });

  it('refuses it while the certificate may still be restored, up to the window end', () => {
    spec([])
      .when(submitApplication({ submittedOn: d('2026-03-30'), formerCertificate: former() }))
      .thenThrows(FormerCertificateNotLapsedError, {
        rule: 'FORMER_CERTIFICATE_NOT_LAPSED',
        message: /may still be restored until 2026-03-30/,
      });
  });

  it('accepts it the day after expiry when the policy allows no restoration ([CN])', () => {
    const lapsed = lapsedOf(
      submitApplication({
        submittedOn: d('2025-10-01'),
        policy: POLICY_PROFILES.CN_CNCA,
        formerCertificate: former({ restorationWindowEnd: null }),
      }),
    );
    expect(lapsed?.restorationWindowEnd).toBeNull();
  });

  it.each([
    [{ expiryDate: d('2026-04-01') }, /valid until 2026-04-01; renew it by recertification/],
    [
      { withdrawnOn: d('2025-05-01') },
      /withdrawn on 2025-05-01; a new certification starts at stage 1/,
    ],
    [{ organisationId: 'org-2' }, /organisation org-2's, not org-1's/],
    [{ standardIdentifier: 'ISO/IEC 27001' }, /certifies ISO\/IEC 27001, not ISO\/IEC 20000-1/],
  ])('refuses a former certificate that does not qualify (%o)', (overrides, message) => {
    spec([])
      .when(applyAfterWindow(overrides))
      .thenThrows(FormerCertificateNotLapsedError, { message });
  });

  it('refuses a former certificate on a recertification application', () => {
    const error = spec([])
      .when(submitRecertification({ formerCertificate: former() }))
      .thenThrows(InvalidAuditCycleInputError, { message: /only an INITIAL application/ });
    expect(error).toMatchObject({ field: 'formerCertificateId' });
  });

  it('plans, completes and decides stage 2 without a stage 1', () => {
    const history = acceptedFromStage2()
      .run(planAudit('stage2', 'STAGE2', '2026-05-04', '2026-05-06'))
      .run(completeAudit('stage2', '2026-05-04', '2026-05-06'));
    expect(history.events.map((event) => event.type).slice(-2)).toEqual([
      'AuditPlanned',
      'AuditCompleted',
    ]);
    const [granted] = spec(history.events).when(decideCertification('2026-05-20')).events();
    expect(granted).toMatchObject({
      type: 'CertificationGranted',
      data: { outcome: 'ISSUE', effectiveOn: d('2026-05-20') },
    });
  });

  it('keeps stage 1 before stage 2 once the CB plans a stage 1', () => {
    const history = acceptedFromStage2().run(
      planAudit('stage1', 'STAGE1', '2026-04-20', '2026-04-21'),
    );
    spec(history.events)
      .when(planAudit('stage2', 'STAGE2', '2026-05-04', '2026-05-06'))
      .thenThrows(AuditOrderError, { message: /stage 1 stage1 .* is not completed/ });
  });

  it('still requires stage 1 of an application that names no former certificate', () => {
    spec(AuditCycleHistory.initial().accepted().events)
      .when(planAudit('stage2', 'STAGE2', '2024-03-04', '2024-03-06'))
      .thenThrows(AuditOrderError, { message: /only an application naming .* lapsed certificate/ });
  });
});
