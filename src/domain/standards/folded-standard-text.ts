import { foldedText } from '../text';

/**
 * A standard's identifier or code as people type it, reduced to what the catalog compares:
 * `foldedText`, with no space around `:` or `/`. ` iso / iec 20000–1 : 2018 ` → `iso/iec 20000-1:2018`.
 */
export const foldedStandardText = (text: string): string =>
  foldedText(text).replace(/ ?([:/]) ?/g, '$1');
