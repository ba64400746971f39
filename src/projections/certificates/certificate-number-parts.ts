/**
 * A certificate number as people type it, reduced to what tells numbers apart: compatibility forms
 * folded (NFKC: a no-break or full-width space is a space, a full-width letter a letter), any dash
 * or minus sign a hyphen, white space trimmed and runs of it one space, and lower case. The read
 * models store each number's key beside it, so a lookup by key finds the number whatever its case,
 * its pattern's included.
 */
export const certificateNumberKey = (input: string): string =>
  input
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * `CN-20000-00042/R2` (or `cn-20000-00042/r2`, ` CN-20000-00042 / R2 `) → the number's key
 * (`certificateNumberKey` of `CN-20000-00042`), revision 2; no suffix → revision null.
 */
export const certificateNumberParts = (input: string): { key: string; revision: number | null } => {
  const match = /^(.+?)\s*\/\s*R([1-9]\d{0,5})$/i.exec(input.trim());
  return match?.[1] && match[2]
    ? { key: certificateNumberKey(match[1]), revision: Number(match[2]) }
    : { key: certificateNumberKey(input), revision: null };
};
