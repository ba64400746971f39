import { registerEnumType } from 'type-graphql';

/** What an API key may do. CLIENT keys are read-only and bound to one organisation. */
export enum Role {
  ADMIN = 'ADMIN',
  AUDITOR = 'AUDITOR',
  DECISION_MAKER = 'DECISION_MAKER',
  VIEWER = 'VIEWER',
  CLIENT = 'CLIENT',
}

registerEnumType(Role, { name: 'Role', description: 'The role an API key acts in.' });

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (Object.values(Role) as string[]).includes(value);
