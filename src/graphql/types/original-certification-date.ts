/** The one rule for `originalCertificationDate`, whichever route the certificate took. */
export const ORIGINAL_CERTIFICATION_DATE =
  'When the organisation was first certified in this certification: the effective date of its ' +
  'first certificate (17021-1 8.2.2, the effective date of granting), kept by renewals, ' +
  'restorations, scope changes and transitions. A transfer in keeps the date the transfer ' +
  'application gave (or, when it gave none, the previous cycle decision date); a new certification ' +
  'after a lapse (from stage 2) starts a new one.';
