/** Grounds for suspension (17021-1 9.6.5; the last two are [CB] practice). */
export const SUSPENSION_GROUNDS = [
  'PERSISTENT_FAILURE',
  'SERIOUS_FAILURE',
  'SURVEILLANCE_NOT_ALLOWED',
  'RECERTIFICATION_NOT_ALLOWED',
  'MISSED_SURVEILLANCE',
  'VOLUNTARY_REQUEST',
  'NON_PAYMENT',
  'MISUSE_OF_MARKS',
] as const;

export type SuspensionGrounds = (typeof SUSPENSION_GROUNDS)[number];
