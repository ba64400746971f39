import autocannon from 'autocannon';

export const CONNECTIONS = 50;

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers, socket errors, timeouts and answers carrying GraphQL `errors`. */
  failures: number;
  firstFailure: string | null;
}

export interface LoadScenario {
  name: string;
  /** The JSON body of each request (called once per request). */
  body: () => string;
}

/** POSTs the scenario's bodies to `url` with CONNECTIONS connections for `duration` seconds. */
export const load = async (
  url: string,
  apiKey: string,
  scenario: LoadScenario,
  duration: number,
): Promise<LoadResult> => {
  let graphqlErrors = 0;
  let firstFailure: string | null = null;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: scenario.body() }),
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors"')) {
            graphqlErrors++;
            firstFailure ??= `${status} ${body.slice(0, 400)}`;
          }
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: Math.max(graphqlErrors, result.non2xx) + result.errors + result.timeouts,
    firstFailure,
  };
};
