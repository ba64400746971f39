import {
  type CalendarDate,
  type CertificateRevision,
  type IssuedCertificateState,
  takesEffect,
} from '../../domain';

/**
 * The days on which a revision is the one in force as of them (what lists as of a date filter on,
 * and `certificateRevisionOn` answers): from its effective date until the next revision to take
 * effect does (`until`, exclusive; null runs on). The first revision's run from its decision, so a
 * certificate decided and not yet in force (DRAFT) has it; before that decision the certificate
 * did not exist and no period holds the date. A revision decided after a date is never in force as
 * of it: none takes effect before its decision.
 */
export interface RevisionPeriod {
  revision: CertificateRevision;
  from: CalendarDate;
  until: CalendarDate | null;
}

/**
 * The revisions that take effect (the domain's `takesEffect`), each from its effective date (the
 * first from its decision); of several due the same day the last decided, as `revisionOn` has it.
 */
export const revisionPeriods = (state: IssuedCertificateState): RevisionPeriod[] => {
  const periods: RevisionPeriod[] = [];
  state.revisions
    .filter((revision) => takesEffect(state, revision))
    .forEach((revision, index) => {
      const from = index === 0 ? revision.decisionDate : revision.effectiveDate;
      if (periods.at(-1)?.from === from) periods.pop();
      const previous = periods.at(-1);
      if (previous) previous.until = from;
      periods.push({ revision, from, until: null });
    });
  return periods;
};
