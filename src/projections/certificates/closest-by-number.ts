import { foldedText } from '../../domain';

/**
 * The number typed has the key of several certificates' numbers (printed under different patterns)
 * and matches none of them more closely than the others: answering one could show another
 * holder's certificate.
 */
export class AmbiguousCertificateNumberError extends Error {
  override readonly name = 'AmbiguousCertificateNumberError';
  readonly field = 'number';
  constructor(typed: string) {
    super(
      `number ${JSON.stringify(typed)} matches more than one certificate number once its case ` +
        'and separators (dashes, spaces, dots, underscores) are set aside: type it as printed, ' +
        'with its separators',
    );
  }
}

/**
 * Of the certificates whose number has the key of the one typed (`certificateNumberKey`), the one
 * it matches most closely: the number as printed, else as `foldedText` spells it
 * (separators where the typed ones are), else any. Only the closest matches count, and of them
 * only those `shown` (the public check's certificates known on its date, a CLIENT key's own): one
 * is the answer; none is null, even when one less close is shown, so a number typed as another
 * certificate prints it never answers a different one; several is an
 * AmbiguousCertificateNumberError, never one of them.
 */
export const closestByNumber = <Candidate>(
  candidates: readonly Candidate[],
  numberOf: (candidate: Candidate) => string,
  typed: string,
  shown: (candidate: Candidate) => boolean = () => true,
): Candidate | null => {
  const folded = foldedText(typed);
  for (const matches of [
    (number: string) => number === typed,
    (number: string) => foldedText(number) === folded,
    () => true,
  ]) {
    const closest = candidates.filter((candidate) => matches(numberOf(candidate)));
    if (closest.length === 0) continue;
    const answers = closest.filter(shown);
    if (answers.length > 1) throw new AmbiguousCertificateNumberError(typed);
    return answers[0] ?? null;
  }
  return null;
};
