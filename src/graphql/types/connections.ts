import { connectionTypes } from '../pagination';
import { Certificate } from './certificate';
import { Deadline } from './deadline';
import { Organisation } from './organisation';

export const { Connection: OrganisationConnection } = connectionTypes(Organisation);
export const { Connection: CertificateConnection } = connectionTypes(Certificate);
export const { Connection: DeadlineConnection } = connectionTypes(Deadline);
