import type { CertificateHistoryEntry } from './certificate-history-query';

/**
 * A recorded expiry that a withdrawal dated before it voids (the withdrawal, decided in time, was
 * entered after the scan recorded the expiry: the certificate never expired). Its entry stays, in
 * the order recorded, and says so. Entered before the scan, a withdrawal leaves no expiry to record.
 */
export const expiryVoidedByWithdrawal = (
  entries: readonly CertificateHistoryEntry[],
): CertificateHistoryEntry[] => {
  const withdrawnOn = entries.find((entry) => entry.type === 'CertificateWithdrawn')?.date;
  return entries.map((entry) =>
    withdrawnOn !== undefined && entry.type === 'CertificateExpired' && withdrawnOn < entry.date
      ? {
          ...entry,
          summary: `${entry.summary}; void: withdrawn on ${withdrawnOn}, entered after this record`,
        }
      : entry,
  );
};
