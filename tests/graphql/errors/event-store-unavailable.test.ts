import { UnavailableError } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../../../src/eventstore';
import { Role } from '../../../src/graphql';
import { MUTATIONS } from '../mutations/mutation-documents';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { firstError } from '../support/test-server';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api.close());

const unreachable = () =>
  new EventStoreUnavailableError({
    cause: new UnavailableError(undefined, '14 UNAVAILABLE: No connection established'),
  });

it('answers a mutation that cannot reach the event store with SERVICE_UNAVAILABLE, recording nothing', async () => {
  const reads = jest.spyOn(api.store, 'readStream').mockRejectedValue(unreachable());
  const appends = jest.spyOn(api.store, 'appendToStream').mockRejectedValue(unreachable());
  const response = await api.query(Role.ADMIN, MUTATIONS.registerOrganisation, {
    input: {
      organisationId: 'org-offline',
      legalName: 'Offline Ltd',
      country: 'CN',
      address: '1 Quiet Road, Beijing',
    },
  });
  reads.mockRestore();
  appends.mockRestore();
  expect(response.body.data?.registerOrganisation ?? null).toBeNull();
  const error = firstError(response);
  expect({ ...error.extensions, stacktrace: undefined }).toEqual({
    code: 'SERVICE_UNAVAILABLE',
    stacktrace: undefined,
  });
  expect(error.message).toBe(
    'the event store is unreachable now; retry shortly. A change answered so may have been ' +
      'recorded all the same: read it again before repeating it',
  );
  expect(api.internalErrors).toEqual([]);
  expect(await api.store.readStream('organisation-org-offline')).toEqual([]);
});
