import {
  type CertificateCommand,
  CertificateAlreadyHeldError,
  type CalendarDate,
  formerCertificateOf,
  heldCertificateOf,
  type HeldCertificate,
  type SubmitApplication,
} from '../../../src/domain';
import {
  CN_POLICY,
  fold,
  issueCommand,
  ISMS_2013,
  run,
  suspend,
  withdraw,
} from '../certificate/certificate-fixtures';
import {
  d,
  spec,
  submitApplication,
  submitRecertification,
  submitTransfer,
} from './audit-cycle-fixtures';

const ISMS_2022 = { identifier: 'ISO/IEC 27001', version: '2022' };

/**
 * The organisation's certificate CN-20000-00042 (ISO/IEC 20000-1:2018, decided 2024-03-15,
 * effective 2024-03-20, expiring 2027-03-19) after `commands`, as it stands on `on`.
 */
const held = (on: CalendarDate, ...commands: CertificateCommand[]): HeldCertificate[] => {
  const certificate = heldCertificateOf(fold(run(issueCommand(), ...commands)), on);
  return certificate ? [certificate] : [];
};

/** An INITIAL application on `date` by the holder of the certificate after `commands`. */
const applyOn = (date: string, ...commands: CertificateCommand[]): SubmitApplication =>
  submitApplication({ submittedOn: d(date), heldCertificates: held(d(date), ...commands) });

const submitted = (command: SubmitApplication) =>
  expect(
    spec([])
      .when(command)
      .events()
      .map((event) => event.type),
  ).toEqual(['ApplicationSubmitted']);

describe('an application for a new certificate while the organisation holds one', () => {
  it('refuses an INITIAL application while the certificate is active, naming it', () => {
    spec([])
      .when(applyOn('2025-01-10'))
      .thenThrows(CertificateAlreadyHeldError, {
        rule: 'CERTIFICATE_ALREADY_HELD',
        message:
          'the organisation already holds certificate CN-20000-00042 to ISO/IEC 20000-1:2018, ' +
          'which on 2025-01-10 is active: one management system gets one certificate per ' +
          'standard, so no new initial application; renew it by recertification',
      });
  });

  it('refuses one while it is decided and not yet in force, or suspended', () => {
    spec([])
      .when(applyOn('2024-03-18'))
      .thenThrows(CertificateAlreadyHeldError, {
        message: /CN-20000-00042 .* which on 2024-03-18 is decided and not yet in force/,
      });
    spec([])
      .when(applyOn('2024-10-01', suspend('2024-09-01')))
      .thenThrows(CertificateAlreadyHeldError, {
        message:
          /on 2024-10-01 is suspended: .*; reinstate it, or withdraw it before applying again/,
      });
  });

  it('refuses a TRANSFER in of another CB certificate to the same standard', () => {
    spec([])
      .when(submitTransfer({ heldCertificates: held(d('2025-06-02')) }))
      .thenThrows(CertificateAlreadyHeldError, {
        message: /CN-20000-00042 .* so no new transfer application; renew it by recertification/,
      });
  });

  it('refuses one while the expired certificate may still be restored, up to the window end', () => {
    spec([])
      .when(applyOn('2027-09-19'))
      .thenThrows(CertificateAlreadyHeldError, {
        message:
          'the organisation already holds certificate CN-20000-00042 to ISO/IEC 20000-1:2018, ' +
          'which on 2027-09-19 has expired (valid until 2027-03-19) but may still be restored ' +
          'until 2027-09-19: one management system gets one certificate per standard, so no new ' +
          'initial application; restore it by recertification, or apply after 2027-09-19',
      });
  });

  it('takes it after the restoration window, also naming the certificate as the lapsed one', () => {
    submitted(applyOn('2027-09-20'));
    const certificate = fold(run(issueCommand()));
    const [event] = spec([])
      .when(
        submitApplication({
          submittedOn: d('2027-09-20'),
          heldCertificates: [heldCertificateOf(certificate, d('2027-09-20'))!],
          formerCertificate: formerCertificateOf(certificate),
        }),
      )
      .events();
    expect(event?.type === 'ApplicationSubmitted' && event.data.lapsedCertificate).toMatchObject({
      number: 'CN-20000-00042',
      restorationWindowEnd: d('2027-09-19'),
    });
  });

  it('takes it right after the expiry when no restoration is possible', () => {
    submitted(applyOn('2027-03-20', suspend('2027-01-10')));
    submitted(
      submitApplication({
        submittedOn: d('2027-03-20'),
        heldCertificates: [
          heldCertificateOf(fold(run(issueCommand({ policy: CN_POLICY }))), d('2027-03-20'))!,
        ],
      }),
    );
  });

  it('takes it once the certificate is withdrawn, judged as of the application date', () => {
    submitted(applyOn('2024-10-01', withdraw('2024-10-01')));
    spec([])
      .when(applyOn('2024-09-30', withdraw('2024-10-01')))
      .thenThrows(CertificateAlreadyHeldError, { message: /on 2024-09-30 is active/ });
  });

  it('takes an application to another standard, and a recertification', () => {
    submitted(
      submitApplication({
        standard: { identifier: 'ISO 9001', version: '2015' },
        submittedOn: d('2025-01-10'),
        heldCertificates: held(d('2025-01-10')),
      }),
    );
    submitted(submitRecertification({ heldCertificates: held(d('2026-09-15')) }));
  });
});

describe('an application to the new version of a standard the organisation is certified to', () => {
  /** ISO/IEC 27001:2013, effective 2023-03-20, expiring at its transition end 2025-10-31. */
  const isms2013 = (on: string) => [
    heldCertificateOf(
      fold(
        run(
          issueCommand({
            standard: ISMS_2013,
            decisionDate: d('2023-03-15'),
            effectiveDate: d('2023-03-20'),
          }),
        ),
      ),
      d(on),
    )!,
  ];
  const applyFor2022 = (on: string) =>
    submitApplication({
      standard: ISMS_2022,
      submittedOn: d(on),
      heldCertificates: isms2013(on),
    });

  it('is refused while the certificate is in force: its transition audit moves it instead', () => {
    spec([])
      .when(applyFor2022('2024-06-03'))
      .thenThrows(CertificateAlreadyHeldError, {
        message:
          /ISO\/IEC 27001:2013, which on 2024-06-03 is active: .*; move it to ISO\/IEC 27001:2022 by a transition audit \(transitionStandardVersion\), or renew it to that version by recertification$/,
      });
  });

  it('is refused while the certificate expired at the transition end may be restored to it', () => {
    spec([])
      .when(applyFor2022('2026-04-30'))
      .thenThrows(CertificateAlreadyHeldError, {
        message:
          /valid until 2025-10-31\) but may still be restored until 2026-04-30: .*; restore it to ISO\/IEC 27001:2022 by recertification, or apply after 2026-04-30$/,
      });
  });

  it('is taken after that restoration window', () => {
    submitted(applyFor2022('2026-05-01'));
  });
});
