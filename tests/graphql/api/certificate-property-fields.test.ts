import 'reflect-metadata';
import { isObjectType } from 'graphql';
import {
  type ApiDependencies,
  buildCertcycleSchema,
  createInMemoryPubSub,
} from '../../../src/graphql';

/** A certificate's type and the types of the objects it holds. */
const CERTIFICATE_TYPES = [
  'Certificate',
  'Standard',
  'CertificateSite',
  'StatusPeriod',
  'Suspension',
  'Withdrawal',
  'Transfer',
];

/** Certificate's fields computed by a resolver of their own (`CertificateFields`). */
const COMPUTED = [
  'status',
  'validOn',
  'revisions',
  'revisionOn',
  'revisionOfNumber',
  'deadlines',
  'history',
  'currentAuditCycle',
  'organisation',
];

const fieldsOf = async (typeName: string) => {
  const schema = await buildCertcycleSchema({ pubSub: createInMemoryPubSub() } as ApiDependencies);
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return Object.values(type.getFields());
};

it("reads a certificate's stored fields, and those of the objects it holds, as properties, without a resolver each", async () => {
  const wrapped: string[] = [];
  for (const typeName of CERTIFICATE_TYPES) {
    for (const field of await fieldsOf(typeName)) {
      const computed = typeName === 'Certificate' && COMPUTED.includes(field.name);
      if (field.resolve && !computed) wrapped.push(`${typeName}.${field.name}`);
    }
  }
  expect(wrapped).toEqual([]);
});

it("keeps the resolvers of a certificate's computed fields", async () => {
  const fields = await fieldsOf('Certificate');
  const computed = fields.filter((field) => COMPUTED.includes(field.name));
  expect(computed.map((field) => field.name).sort()).toEqual([...COMPUTED].sort());
  expect(computed.filter((field) => !field.resolve)).toEqual([]);
});
