import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printCertcycleSchema } from './certcycle-schema';

const file = join(__dirname, '..', '..', 'schema.graphql');
printCertcycleSchema()
  .then((sdl) => {
    writeFileSync(file, sdl);
    console.log(`schema:print: wrote ${file}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
