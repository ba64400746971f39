/**
 * Text as people type it, reduced to what comparisons see: compatibility forms folded (NFKC: a
 * no-break or full-width space is a space, a full-width letter a letter), any dash or minus sign a
 * hyphen, white space trimmed and runs of it one space, and lower case.
 */
export const foldedText = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\p{Pd}\u2212]/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
