/** Longest accepted values, in characters (the domain's own limits where it has them). */
export const MAX_LENGTH = {
  identifier: 100,
  name: 200,
  registrationNumber: 50,
  address: 500,
  text: 2_000,
} as const;
