/**
 * A projection's `queryIndexes` from `name: 'ON table (columns) [WHERE ...]'` definitions: each
 * becomes `CREATE INDEX IF NOT EXISTS name ON ...`.
 */
export const queryIndexes = (
  definitions: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> =>
  Object.fromEntries(
    Object.entries(definitions).map(([name, on]) => [
      name,
      `CREATE INDEX IF NOT EXISTS ${name} ${on}`,
    ]),
  );
