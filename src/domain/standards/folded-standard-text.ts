/**
 * A standard's identifier or code as people type it, reduced to what the catalog compares:
 * compatibility forms folded (NFKC: a no-break or full-width space is a space, a full-width letter
 * a letter), any dash or minus sign a hyphen, white space trimmed, runs of it one space and none
 * around `:` or `/`, and lower case. ` iso / iec 20000–1 : 2018 ` → `iso/iec 20000-1:2018`.
 */
export const foldedStandardText = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\p{Pd}\u2212]/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/ ?([:/]) ?/g, '$1')
    .trim()
    .toLowerCase();
