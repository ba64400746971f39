import { foldedText } from '../../domain';

/**
 * A certificate number reduced to what tells numbers apart: its `foldedText` without its separators
 * (hyphens, spaces, dots and underscores: CBs print numbers with any of the first three,
 * and a number copied from a file name or an export has underscores), so a number typed with
 * other separators, or none, has the key of the number printed. The read models store each
 * number's key beside it, so a lookup by key finds the number whatever its case or separators, its
 * pattern's included; numbers printed under different patterns may share a key, which
 * `closestByNumber` tells apart.
 */
export const certificateNumberKey = (input: string): string =>
  foldedText(input).replace(/[- ._]/g, '');

/**
 * `input` without Unicode format characters (Cf: zero-width spaces and joiners, soft hyphens,
 * direction marks, byte-order marks): they come with numbers copied from web pages and PDFs and
 * print nothing.
 */
export const withoutFormatCharacters = (input: string): string => input.replace(/\p{Cf}/gu, '');

/**
 * `CN-20000-00042/R2` (or `cn 20000 00042/r2`, ` CN-20000-00042 / R2 `, full-width
 * `ＣＮ－２００００－０００４２／Ｒ２`, `CN-20000-00042/R2.` ending a sentence) → the number as typed
 * (`CN-20000-00042`, in NFKC, without invisible format characters, and trimmed), its key
 * (`certificateNumberKey`), revision 2; no suffix → revision null. Full stops and white space after
 * the suffix are left out, as the key leaves them out after a number without one.
 */
export const certificateNumberParts = (
  input: string,
): { number: string; key: string; revision: number | null } => {
  const typed = withoutFormatCharacters(input.normalize('NFKC')).trim();
  const match = /^(.+?)\s*\/\s*R([1-9]\d{0,5})[\s.]*$/i.exec(typed);
  const number = match?.[1] && match[2] ? match[1] : typed;
  return {
    number,
    key: certificateNumberKey(number),
    revision: match?.[2] ? Number(match[2]) : null,
  };
};
