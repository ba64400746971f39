import { CertificateStatusResolver } from './certificate-status-resolver';

export * from './certificate-status-change';
export * from './certificate-status-feed';
export * from './known-organisation-subscription';
export * from './status-change-of-event';

/** Every subscription resolver class, for the schema. */
export const subscriptionResolvers = [CertificateStatusResolver] as const;
