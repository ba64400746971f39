import { statusChangeOfEvent } from '../../../src/graphql/live';

const recorded = (version: number, type: string, data: Record<string, unknown>) => ({
  version,
  type,
  data: { certificateId: 'cert-1', number: 'CN-20000-00001', ...data },
});

const issued = recorded(1, 'CertificateIssued', {
  organisationId: 'org-1',
  effectiveDate: '2024-03-20',
});
const suspended = recorded(2, 'CertificateSuspended', { suspendedOn: '2025-06-01' });
const expired = recorded(3, 'CertificateExpired', { expiredOn: '2027-03-20' });

it('reports an issue as a change to ACTIVE without a previous status', () => {
  expect(statusChangeOfEvent('cert-1', issued, [])).toEqual({
    certificateId: 'cert-1',
    organisationId: 'org-1',
    number: 'CN-20000-00001',
    status: 'ACTIVE',
    previousStatus: null,
    changedOn: '2024-03-20',
    version: 1,
  });
});

it('reports a suspension with the status recorded before it', () => {
  expect(statusChangeOfEvent('cert-1', suspended, [issued])).toMatchObject({
    status: 'SUSPENDED',
    previousStatus: 'ACTIVE',
    changedOn: '2025-06-01',
    version: 2,
  });
});

it('reports a restoration as coming from EXPIRED even when no expiry was recorded', () => {
  const restored = recorded(2, 'CertificateRestored', { effectiveDate: '2027-05-10' });
  expect(statusChangeOfEvent('cert-1', restored, [issued])).toMatchObject({
    status: 'ACTIVE',
    previousStatus: 'EXPIRED',
    changedOn: '2027-05-10',
  });
});

it('reports an expiry on the first day without certification', () => {
  expect(statusChangeOfEvent('cert-1', expired, [issued, suspended])).toMatchObject({
    status: 'EXPIRED',
    previousStatus: 'SUSPENDED',
    changedOn: '2027-03-20',
  });
});

it('reports nothing for revisions and for a renewal of an active certificate', () => {
  const extended = recorded(2, 'CertificateScopeExtended', { effectiveDate: '2025-09-01' });
  const renewed = recorded(3, 'CertificateRenewed', { effectiveDate: '2027-01-10' });
  expect(statusChangeOfEvent('cert-1', extended, [issued])).toBeNull();
  expect(statusChangeOfEvent('cert-1', renewed, [issued, extended])).toBeNull();
});
