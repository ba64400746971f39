import {
  type AuditCycleCommand,
  type CalendarDate,
  type CertificateCommand,
  DateInFutureError,
  type DomainCommand,
  isCalendarDate,
  type OrganisationCommand,
} from '../../domain';

type CommandType = (OrganisationCommand | AuditCycleCommand | CertificateCommand)['type'];

/**
 * The dates of each command that say when something happened, as opposed to when it is planned
 * (an audit's planned days) or takes effect (an effective date). The certificate commands the
 * reactor sends take their dates from a decision checked here; those of a transfer's previous
 * cycle are checked against the application's date by the decider. Every command type is listed,
 * so a new one must say which of its dates happened.
 */
const HAPPENED_ON: Readonly<Record<CommandType, readonly string[]>> = {
  RegisterOrganisation: ['registeredOn'],
  UpdateOrganisationDetails: ['updatedOn'],
  AddSite: ['addedOn'],
  RemoveSite: ['removedOn'],
  RecordReadiness: ['recordedOn'],
  SubmitApplication: ['submittedOn'],
  ReviewApplication: ['reviewedOn'],
  PlanAudit: [],
  CompleteAudit: ['firstDay', 'lastDay'],
  RaiseNonconformity: ['raisedOn'],
  AcceptCorrectiveActionPlan: ['acceptedOn'],
  VerifyNonconformity: ['verifiedOn'],
  EscalateOverdueNonconformity: ['escalatedOn'],
  RecordTransferReview: ['reviewedOn'],
  DecideCertification: ['decidedOn'],
  IssueCertificate: [],
  TransferCertificateIn: [],
  RenewCertificate: [],
  RestoreCertificate: [],
  ExpireCertificate: ['recordedOn'],
  SuspendCertificate: ['suspendedOn'],
  ReinstateCertificate: ['reinstatedOn'],
  WithdrawCertificate: ['withdrawnOn'],
  ExtendScope: ['decisionDate'],
  ReduceScope: ['decisionDate'],
  TransitionStandardVersion: ['decisionDate'],
};

/**
 * Refuses a command dated after `today` (the CB's calendar day): a fact recorded ahead of time
 * goes out to subscribers at once, and locks its aggregate until that day, since every later
 * change must come after it. Malformed dates are left to the decider, which names them.
 */
export const requireNoFutureDates = (command: DomainCommand, today: CalendarDate): void => {
  const data = command.data as Readonly<Record<string, unknown>>;
  for (const field of HAPPENED_ON[command.type as CommandType] ?? []) {
    const date = data[field];
    if (isCalendarDate(date) && date > today)
      throw new DateInFutureError(field, date, today, 'today');
  }
};
