import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEnumType } from 'graphql';
import {
  type ApiDependencies,
  buildCertcycleSchema,
  createInMemoryPubSub,
  printCertcycleSchema,
} from '../../../src/graphql';

it('keeps the committed schema.graphql equal to the schema the code builds', async () => {
  const committed = readFileSync(join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8');
  const built = await printCertcycleSchema();
  if (built !== committed) {
    const builtLines = built.split('\n');
    const committedLines = committed.split('\n');
    const length = Math.max(builtLines.length, committedLines.length);
    const line =
      Array.from({ length }, (_, index) => index).find(
        (index) => builtLines[index] !== committedLines[index],
      ) ?? length;
    throw new Error(
      `schema.graphql is out of date (first difference at line ${line + 1}: committed ${JSON.stringify(committedLines[line])}, code ${JSON.stringify(builtLines[line])}); run \`npm run schema:print\` and commit schema.graphql`,
    );
  }
});

it('prints the full schema: queries, mutations and the public check', async () => {
  const sdl = await printCertcycleSchema();
  expect(sdl).toContain('type Query {');
  expect(sdl).toContain('verifyCertificate(');
  expect(sdl).toContain('upcomingDeadlines(');
});

it("gives every enum value its own name as internal value (the compiled executor's variable coercion relies on it)", async () => {
  const schema = await buildCertcycleSchema({ pubSub: createInMemoryPubSub() } as ApiDependencies);
  const renamed = Object.values(schema.getTypeMap())
    .filter(isEnumType)
    .flatMap((type) =>
      type
        .getValues()
        .filter((value) => value.value !== value.name)
        .map((value) => `${type.name}.${value.name} = ${JSON.stringify(value.value)}`),
    );
  expect(renamed).toEqual([]);
});
