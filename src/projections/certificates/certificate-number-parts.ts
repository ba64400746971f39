/** `CN-20000-00042/R2` → number `CN-20000-00042`, revision 2; no suffix → revision null. */
export const certificateNumberParts = (
  input: string,
): { number: string; revision: number | null } => {
  const match = /^(.+)\/R([1-9]\d{0,5})$/.exec(input.trim());
  return match?.[1] && match[2]
    ? { number: match[1], revision: Number(match[2]) }
    : { number: input.trim(), revision: null };
};
