import {
  CertificateExpiredError,
  CertificateSuspendedError,
  EmptyScopeError,
  ScopeChangeError,
  ScopeExtensionAuditMissingError,
} from '../../../src/domain';
import {
  d,
  expire,
  extendScope,
  issueCommand,
  issued,
  reduceScope,
  renew,
  run,
  SITES,
  SMS_2018,
  spec,
  suspend,
} from './certificate-fixtures';

const DATA_CENTRE = {
  siteId: 'dc',
  name: 'Data centre',
  address: '9 Server Road, Tianjin',
  scope: 'Hosting',
};

describe('ExtendScope', () => {
  it('revises the certificate: new revision, same expiry', () => {
    spec(issued())
      .when(extendScope('2025-03-01'))
      .then([
        {
          type: 'CertificateScopeExtended',
          data: {
            certificateId: 'cert-42',
            number: 'CN-20000-00042',
            revision: 2,
            standard: SMS_2018,
            scope: 'Operation of IT services for retail and corporate banking customers',
            sites: [...SITES, DATA_CENTRE],
            decisionDate: d('2025-03-01'),
            effectiveDate: d('2025-03-01'),
            expiryDate: d('2027-03-19'),
            uncappedExpiryDate: d('2027-03-19'),
            actor: 'decider-1',
            auditId: 'special-extension',
          },
        },
      ]);
  });

  it('refuses an extension without a completed surveillance or special audit', () => {
    spec(issued())
      .when(extendScope('2025-03-01', { extensionAudit: null }))
      .thenThrows(ScopeExtensionAuditMissingError, {
        rule: 'SCOPE_EXTENSION_AUDIT_REQUIRED',
        message:
          /no surveillance or special audit of its audit cycle was completed by the decision of 2025-03-01/,
      });
  });

  it('refuses an extension decided before the last day of its audit', () => {
    spec(issued())
      .when(
        extendScope('2025-03-01', {
          extensionAudit: { auditId: 'special-1', lastDay: d('2025-03-02'), sites: ['dc'] },
        }),
      )
      .thenThrows(ScopeExtensionAuditMissingError, {
        rule: 'SCOPE_EXTENSION_AUDIT_REQUIRED',
        message: /decision of 2025-03-01 comes before the last day of audit special-1, 2025-03-02/,
      });
  });

  it('refuses an extension to a site its audit did not cover, naming the site', () => {
    spec(issued())
      .when(
        extendScope('2025-03-01', {
          extensionAudit: { auditId: 'surveillance-1', lastDay: d('2025-02-11'), sites: ['hq'] },
        }),
      )
      .thenThrows(ScopeExtensionAuditMissingError, {
        rule: 'SCOPE_EXTENSION_AUDIT_REQUIRED',
        message: /audit surveillance-1 did not cover site dc, which the extension adds/,
      });
  });

  it('refuses a second extension following the audit an earlier extension followed', () => {
    spec(run(issueCommand(), extendScope('2025-03-01')))
      .when(extendScope('2025-06-01', { scope: 'Hosting and banking services' }))
      .thenThrows(ScopeExtensionAuditMissingError, {
        rule: 'SCOPE_EXTENSION_AUDIT_REQUIRED',
        message:
          'certificate CN-20000-00042: a scope extension follows a surveillance or special audit ' +
          '(ISO/IEC 17021-1 9.6.4); audit special-extension was already followed by the extension of ' +
          'revision 2, and an audit justifies one extension only',
      });
  });

  it('extends again after another audit', () => {
    const [event] = spec(run(issueCommand(), extendScope('2025-03-01')))
      .when(
        extendScope('2025-06-01', {
          scope: 'Hosting and banking services',
          extensionAudit: { auditId: 'surveillance-2', lastDay: d('2025-05-20'), sites: ['hq'] },
        }),
      )
      .events();
    expect(event?.data).toMatchObject({ revision: 3, auditId: 'surveillance-2' });
  });

  it("extends a renewed certificate after an audit of the new cycle with an earlier audit's id", () => {
    const [event] = spec(run(issueCommand(), extendScope('2025-03-01'), renew('2027-01-10')))
      .when(extendScope('2027-06-01'))
      .events();
    expect(event?.data).toMatchObject({ revision: 4, auditId: 'special-extension' });
  });

  it('refuses an extension that removes a site', () => {
    spec(run(issueCommand(), extendScope('2025-03-01')))
      .when(extendScope('2025-06-01', { sites: [DATA_CENTRE], scope: 'Hosting only' }))
      .thenThrows(ScopeChangeError, {
        rule: 'SCOPE_CHANGE',
        message: 'an extension cannot remove site hq (reduce the scope instead)',
      });
  });

  it('refuses an extension that changes nothing', () => {
    spec(issued())
      .when(extendScope('2025-03-01', { scope: issueCommand().data.scope, sites: SITES }))
      .thenThrows(ScopeChangeError, { message: 'must change the scope or the sites' });
  });

  it('refuses to extend a suspended certificate', () => {
    spec(run(issueCommand(), suspend('2025-01-10')))
      .when(extendScope('2025-03-01'))
      .thenThrows(CertificateSuspendedError, { message: 'suspended since 2025-01-10' });
  });

  it('refuses an extension effective after expiry', () => {
    spec(issued())
      .when(extendScope('2027-03-01', { effectiveDate: d('2027-03-20') }))
      .thenThrows(CertificateExpiredError, {
        message: 'expired after 2027-03-19; a scope extension on 2027-03-20 is refused',
      });
  });

  it('refuses to extend an expired certificate', () => {
    spec(run(issueCommand(), expire('2027-03-20')))
      .when(extendScope('2027-04-01'))
      .thenThrows(CertificateExpiredError, { rule: 'CERTIFICATE_EXPIRED' });
  });
});

describe('ReduceScope', () => {
  const extended = () => run(issueCommand(), extendScope('2025-03-01'));

  it('revises the certificate down to the remaining sites, same expiry', () => {
    const [event] = spec(extended()).when(reduceScope('2025-09-01')).events();
    expect(event).toMatchObject({
      type: 'CertificateScopeReduced',
      data: { revision: 3, sites: SITES, expiryDate: '2027-03-19' },
    });
  });

  it('reduces the scope of a suspended certificate', () => {
    const events = run(issueCommand(), extendScope('2025-03-01'), suspend('2025-06-01'));
    expect(spec(events).when(reduceScope('2025-09-01')).events()[0]?.type).toBe(
      'CertificateScopeReduced',
    );
  });

  it('refuses a reduction that empties the scope', () => {
    spec(extended())
      .when(reduceScope('2025-09-01', { sites: [] }))
      .thenThrows(EmptyScopeError, {
        rule: 'SCOPE_EMPTY',
        message: 'a scope reduction would leave no scope',
      });
    spec(extended())
      .when(reduceScope('2025-09-01', { scope: '' }))
      .thenThrows(EmptyScopeError);
  });

  it('refuses a reduction that adds a site', () => {
    spec(issued())
      .when(reduceScope('2025-09-01', { sites: [...SITES, DATA_CENTRE] }))
      .thenThrows(ScopeChangeError, { message: 'a reduction cannot add site dc' });
  });

  it('refuses to reduce an expired certificate', () => {
    spec(issued())
      .when(reduceScope('2027-04-01'))
      .thenThrows(CertificateExpiredError, { message: 'expired after 2027-03-19' });
  });
});
