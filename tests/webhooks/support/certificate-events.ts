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

export const certificateIssued = (certificateId: string, organisationId: string) =>
  event('CertificateIssued', {
    ...content(certificateId),
    organisationId,
    auditCycleId: `cycle-${certificateId}`,
    organisationName: 'Widgets Ltd',
    organisationLocation: 'Leeds',
    certificationBodyName: 'CB',
    originalCertificationDate: '2026-01-10',
    cycleDecisionDate: '2026-01-10',
    policy: {},
  });

export const certificateSuspended = (certificateId: string) =>
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
  });

export const certificateScopeReduced = (certificateId: string) =>
  event('CertificateScopeReduced', { ...content(certificateId), revision: 2, scope: 'Widgets' });

export const certificateTransitioned = (certificateId: string) =>
  event('CertificateTransitioned', {
    ...content(certificateId),
    previousStandard: { identifier: 'ISO 9001', version: '2008' },
  });
