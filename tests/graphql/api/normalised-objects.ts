/**
 * What a normalising client cache (Apollo Client, Relay, urql graphcache) makes of answers: every
 * object with `__typename` and `id` stored once under `Type:id`, each field under its response
 * key, a linked object as a reference. A cache stores a field under its name and arguments: ask a
 * field without arguments unaliased, and one with arguments under an alias naming them
 * (`deadlinesAsOf: deadlines(asOf: $asOf)`), so that response keys stand for those.
 */
export type Conflicts = { object: string; field: string; values: unknown[] }[];

type Fields = Map<string, unknown[]>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const keyOf = (value: Record<string, unknown>): string | null =>
  typeof value.__typename === 'string' && typeof value.id === 'string'
    ? `${value.__typename}:${value.id}`
    : null;

const normalise = (value: unknown, objects: Map<string, Fields>): unknown => {
  if (Array.isArray(value)) return value.map((item) => normalise(item, objects));
  if (!isObject(value)) return value;
  const entries = Object.entries(value).map(([field, v]) => [field, normalise(v, objects)]);
  const key = keyOf(value);
  if (key === null) return Object.fromEntries(entries);
  const fields = objects.get(key) ?? new Map<string, unknown[]>();
  objects.set(key, fields);
  for (const [field, v] of entries as [string, unknown][]) {
    fields.set(field, [...(fields.get(field) ?? []), v]);
  }
  return { ref: key };
};

/** The objects of `answers` with a field answered with different values where they were reached. */
export const cacheConflicts = (...answers: unknown[]): Conflicts => {
  const objects = new Map<string, Fields>();
  for (const answer of answers) normalise(answer, objects);
  const conflicts: Conflicts = [];
  for (const [object, fields] of objects) {
    for (const [field, values] of fields) {
      const distinct = [...new Set(values.map((v) => JSON.stringify(v)))];
      if (distinct.length > 1) {
        conflicts.push({ object, field, values: distinct.map((v) => JSON.parse(v) as unknown) });
      }
    }
  }
  return conflicts;
};

/** How many times each object was reached, by `Type:id`. */
export const objectsReached = (...answers: unknown[]): Map<string, number> => {
  const objects = new Map<string, Fields>();
  for (const answer of answers) normalise(answer, objects);
  return new Map(
    [...objects].map(([key, fields]) => [
      key,
      Math.max(...[...fields.values()].map((v) => v.length)),
    ]),
  );
};
