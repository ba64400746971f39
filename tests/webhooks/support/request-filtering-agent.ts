import * as nodeModule from 'node:module';

/**
 * request-filtering-agent is ESM-only: Node >= 20.19 require()s it natively, but Jest 30 on
 * Node 20 cannot. Tests mock the module with the real one, loaded by Node's own loader:
 * `jest.mock('request-filtering-agent', () => jest.requireActual('./support/request-filtering-agent').real())`.
 */
export const real = (): unknown => {
  const loader = nodeModule as unknown as {
    Module: { _load(request: string, parent: null, isMain: boolean): unknown };
  };
  return loader.Module._load(require.resolve('request-filtering-agent'), null, false);
};
