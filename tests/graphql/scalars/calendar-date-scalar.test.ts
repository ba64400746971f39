import { firstError, post, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ask = (query: string, variables?: Record<string, unknown>) =>
  post(server.url, query, { key: server.keys.VIEWER, ...(variables ? { variables } : {}) });

it.each(['2024-02-29', '1900-01-01', '2999-12-31'])(
  'accepts %s as a literal and as a variable',
  async (date) => {
    expect((await ask(`{ echoDate(date: "${date}") }`)).body).toEqual({ data: { echoDate: date } });
    const viaVariable = await ask('query ($d: CalendarDate!) { echoDate(date: $d) }', { d: date });
    expect(viaVariable.body).toEqual({ data: { echoDate: date } });
  },
);

it.each(['2023-02-29', '2024-13-01', '2024-1-05', '2024-01-05T00:00:00Z', '1899-12-31', ''])(
  'refuses the literal "%s" with BAD_USER_INPUT naming the argument',
  async (date) => {
    const error = firstError(await ask(`{ echoDate(date: "${date}") }`));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    expect(error.message).toBe(
      `date: ${JSON.stringify(date)} is not a calendar date (YYYY-MM-DD, years 1900-2999)`,
    );
  },
);

it.each([['2024-02-30'], [20240101], [null]])(
  'refuses the variable value %j naming the variable',
  async (value) => {
    const error = firstError(
      await ask('query ($when: CalendarDate!) { echoDate(date: $when) }', { when: value }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'when' });
  },
);

it('refuses a non-string literal', async () => {
  const error = firstError(await ask('{ echoDate(date: 20240101) }'));
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
});

it('names the input field when a date inside an input object literal is wrong', async () => {
  const error = firstError(
    await post(
      server.url,
      'mutation { createThing(input: { name: "a", dueDate: "2024-04-31" }) }',
      {
        key: server.keys.ADMIN,
      },
    ),
  );
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueDate' });
});

describe('DateTime', () => {
  it('answers instants as ISO date-times in UTC', async () => {
    const response = await ask('{ echoInstant(at: "2025-03-20T10:30:00+01:00") }');
    expect(response.body).toEqual({ data: { echoInstant: '2025-03-20T09:30:00.000Z' } });
  });

  it('refuses a calendar date where an instant is expected', async () => {
    const error = firstError(
      await ask('query ($at: DateTime!) { echoInstant(at: $at) }', { at: '2025-03-20' }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
  });
});
