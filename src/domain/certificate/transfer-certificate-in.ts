import type { CertificateTransferredIn } from './certificate-events';
import type { TransferCertificateIn } from './certificate-commands';
import { requireDate, requireText } from './certificate-guards';
import type { CertificateState } from './certificate-state';
import { openingData } from './issue-certificate';
import { TransferNotAllowedError } from './transfer-errors';

/** IAF MD 2: our own number, the same cycle and expiry as the previous CB's certificate. */
export const transferCertificateIn = (
  command: TransferCertificateIn,
  state: CertificateState,
): CertificateTransferredIn[] => {
  const { type, data } = command;
  const previous = data.previous;
  const previousNumber = requireText(type, 'previous.number', previous.number);
  const previousBody = requireText(
    type,
    'previous.certificationBodyName',
    previous.certificationBodyName,
  );
  const previousExpiry = requireDate(type, 'previous.expiryDate', previous.expiryDate);
  const originalCertificationDate = requireDate(
    type,
    'previous.originalCertificationDate',
    previous.originalCertificationDate,
  );
  const cycleDecisionDate = requireDate(
    type,
    'previous.cycleDecisionDate',
    previous.cycleDecisionDate,
  );
  const refuse = (problem: string) =>
    new TransferNotAllowedError(previousNumber, previousBody, problem);
  const opening = openingData(command, state, () => previousExpiry);
  if (!previous.accredited) throw refuse('it was not issued under accreditation');
  if (previous.withdrawn) throw refuse('it is withdrawn');
  if (previous.suspended) throw refuse('it is suspended');
  if (previousExpiry < opening.effectiveDate) {
    throw refuse(
      `it expired after ${previousExpiry}, before the transfer effective on ${opening.effectiveDate}`,
    );
  }
  return [
    {
      type: 'CertificateTransferredIn',
      data: {
        ...opening,
        originalCertificationDate,
        cycleDecisionDate,
        previousCertificationBodyName: previousBody,
        previousCertificateNumber: previousNumber,
      },
    },
  ];
};
