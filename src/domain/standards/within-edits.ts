/**
 * Whether at most `limit` single-character insertions, deletions and substitutions turn `a` into
 * `b` (texts whose lengths differ by more are not compared, however long).
 */
export const withinEdits = (a: string, b: string, limit: number): boolean =>
  Math.abs(a.length - b.length) <= limit && editDistance(a, b) <= limit;

/** The fewest single-character insertions, deletions and substitutions that turn `a` into `b`. */
const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};
