import { addDays, type CalendarDate } from '../calendar';
import { restorationWindowEnd } from '../policy';
import { closedByWithdrawal, type Deadline } from '../deadlines';
import { findStandard, standardCode } from '../standards';
import type {
  CertificateRevision,
  CertificateState,
  IssuedCertificateState,
  Lapse,
  SuspensionRecord,
} from './certificate-state';
import { suspensionAtLapse } from './restorability';
import { transitionDeadlineKey } from './transition-deadline-key';

/** Facts recorded in other aggregates that close certificate deadlines. */
export interface CertificateDeadlineFacts {
  /**
   * Last day of each completed recertification audit, by the expiry date of the term it renews
   * (recorded in the next audit cycle). Without it, a renewed term counts as met on its renewal.
   */
  recertificationAudits?: Readonly<Record<string, CalendarDate>>;
}

interface Term {
  expiryDate: CalendarDate;
  /** The decision of the revision that started the term (issue, renewal, restoration, transition). */
  decidedOn: CalendarDate;
  /** The first revision of the next term: the renewal, restoration or transition that ended it. */
  endedBy: CertificateRevision | undefined;
}

const terms = (revisions: readonly CertificateRevision[]): Term[] =>
  revisions.flatMap((revision, index) => {
    const previous = revisions[index - 1];
    if (previous && previous.expiryDate === revision.expiryDate) return [];
    const endedBy = revisions
      .slice(index + 1)
      .find((later) => later.expiryDate !== revision.expiryDate);
    return [{ expiryDate: revision.expiryDate, decidedOn: revision.decisionDate, endedBy }];
  });

/**
 * The day a certificate whose current term runs out unrenewed can no longer be restored (ISO/IEC
 * 17021-1 9.6.3.2.5: after the window at least a new stage 2 is needed): the day after its
 * restoration window, or the day it expires when none is possible (the policy allows none, or it
 * is suspended then). Known from the dates, whether the expiry is recorded yet or not (domain.md
 * §3); a renewal or restoration moves it to the next term's. Null once withdrawn.
 */
export const lapsedForGoodOn = (state: CertificateState): CalendarDate | null => {
  if (state.status === 'NOT_ISSUED' || state.withdrawal !== null) return null;
  const expiredOn = addDays(state.expiryDate, 1);
  const windowEnd = restorationWindowEnd(state.expiryDate, state.policy);
  return windowEnd === null || suspensionAtLapse(state, state.expiryDate)
    ? expiredOn
    : addDays(windowEnd, 1);
};

/**
 * When a term's deadlines end without being met: a transition lifting the old version's cap on
 * the expiry replaces them with the new expiry's (domain.md §2: nothing renewed the certificate);
 * a term nothing renewed, restored or transitioned ends once the certificate lapsed for good, as
 * its expiry and recertification audit can no longer be met.
 */
const termEnd = (state: IssuedCertificateState, endedBy: CertificateRevision | undefined) => {
  if (endedBy === undefined) return lapsedForGoodOn(state);
  return endedBy.cause === 'TRANSITIONED' ? endedBy.decisionDate : null;
};

/**
 * The last day of the recertification audit completed for each term: a term a transition started
 * keeps the one recorded against the capped term it replaced (the recertification applied for
 * then renews the certificate from the lifted expiry).
 */
const recertificationAuditsOf = (
  all: readonly Term[],
  facts: CertificateDeadlineFacts,
): (CalendarDate | null)[] =>
  all.reduce<(CalendarDate | null)[]>((audits, { expiryDate }, index) => {
    const replaced = all[index - 1]?.endedBy?.cause === 'TRANSITIONED' ? audits.at(-1) : null;
    return [...audits, facts.recertificationAudits?.[expiryDate] ?? replaced ?? null];
  }, []);

/** A renewal or restoration meets the term's deadlines; a transition only replaces them. */
const termDeadlines = (
  state: IssuedCertificateState,
  facts: CertificateDeadlineFacts,
): Deadline[] => {
  const all = terms(state.revisions);
  const audits = recertificationAuditsOf(all, facts);
  return all.flatMap(({ expiryDate, decidedOn, endedBy }, index): Deadline[] => {
    const closedOn = endedBy?.cause === 'TRANSITIONED' ? null : (endedBy?.decisionDate ?? null);
    const endsOn = termEnd(state, endedBy);
    const recertifiedOn = audits[index] ?? closedOn;
    return [
      {
        type: 'CERTIFICATE_EXPIRY',
        key: `CERTIFICATE_EXPIRY:${expiryDate}`,
        dueDate: expiryDate,
        openedOn: decidedOn,
        closesOn: closedOn === null ? endsOn : null,
        metOn: closedOn,
        subject: `expiry of certificate ${state.number}`,
      },
      {
        type: 'RECERTIFICATION_AUDIT_DUE',
        key: `RECERTIFICATION_AUDIT_DUE:${expiryDate}`,
        dueDate: addDays(expiryDate, -state.policy.recertificationLeadDays),
        openedOn: decidedOn,
        closesOn: recertifiedOn === null ? endsOn : null,
        metOn: recertifiedOn,
        subject: `recertification audit of certificate ${state.number} (expiring ${expiryDate})`,
      },
    ];
  });
};

/**
 * The terms that ran out: those recorded, and the current term from the day after its expiry
 * whether the expiry scanner recorded it yet or not (domain.md §3: a certificate past its expiry
 * reads EXPIRED before any job records it). A withdrawn certificate (withdrawn while in force)
 * never ran out of its current term.
 */
const lapsesRecordedOrNot = (
  state: IssuedCertificateState,
): Pick<Lapse, 'expiryDate' | 'restoredOn'>[] =>
  state.withdrawal !== null || state.lapses.some((l) => l.expiryDate === state.expiryDate)
    ? state.lapses
    : [...state.lapses, { expiryDate: state.expiryDate, restoredOn: null }];

/**
 * Opened the day after the expiry, recorded or not; met by the restoration; otherwise it ends by
 * itself (domain.md §4: "or window passed") the day after the window's last day, when restoration
 * is no longer possible.
 */
const restorationDeadlines = (state: IssuedCertificateState): Deadline[] =>
  lapsesRecordedOrNot(state).flatMap((lapse): Deadline[] => {
    const windowEnd = restorationWindowEnd(lapse.expiryDate, state.policy);
    if (windowEnd === null || suspensionAtLapse(state, lapse.expiryDate)) return [];
    return [
      {
        type: 'RESTORATION_WINDOW_END',
        key: `RESTORATION_WINDOW_END:${lapse.expiryDate}`,
        dueDate: windowEnd,
        openedOn: addDays(lapse.expiryDate, 1),
        metOn: lapse.restoredOn,
        closesOn: addDays(windowEnd, 1),
        subject: `restoration of certificate ${state.number} (expired after ${lapse.expiryDate})`,
      },
    ];
  });

const suspensionKey = (suspensions: IssuedCertificateState['suspensions'], index: number) => {
  const { suspendedOn } = suspensions[index]!;
  const earlier = suspensions.slice(0, index).filter((s) => s.suspendedOn === suspendedOn).length;
  return `SUSPENSION_LIMIT:${suspendedOn}${earlier === 0 ? '' : `:${earlier + 1}`}`;
};

/**
 * When a suspension not ended by a reinstatement or a withdrawal ends by itself: with the
 * certificate's expiry (the day after the expiry date), recorded or not yet. Nothing met it then.
 */
const suspensionLapse = (
  state: IssuedCertificateState,
  suspension: SuspensionRecord,
): CalendarDate | null => {
  if (suspension.endedBy === 'EXPIRED') return suspension.endedOn;
  return suspension.endedOn === null ? addDays(state.expiryDate, 1) : null;
};

/**
 * One per suspension, keyed by its date; a suspension starting on the date an earlier one started
 * (suspended, reinstated and suspended again on one day) gets a `:n` suffix (n: its place among
 * them), so keys stay unique and existing ones unchanged. Met by the reinstatement or withdrawal
 * that ends the suspension (domain.md §4); a suspension still running when the certificate
 * expires ends with the expiry instead (`closesOn`), unmet and no longer overdue.
 */
const suspensionDeadlines = (state: IssuedCertificateState): Deadline[] =>
  state.suspensions.map((suspension, index): Deadline => {
    const lapsesOn = suspensionLapse(state, suspension);
    return {
      type: 'SUSPENSION_LIMIT',
      key: suspensionKey(state.suspensions, index),
      dueDate: suspension.limitDate,
      openedOn: suspension.suspendedOn,
      closesOn: lapsesOn,
      metOn: lapsesOn === null ? suspension.endedOn : null,
      subject: `suspension of certificate ${state.number} since ${suspension.suspendedOn}`,
    };
  });

const later = (a: CalendarDate, b: CalendarDate): CalendarDate => (a > b ? a : b);

/**
 * The revisions to one version, split where a restoration to it follows an expiry: each stretch is
 * in force from its first decision to its last revision's expiry.
 */
const stretchesOf = (revisions: readonly CertificateRevision[]): CertificateRevision[][] => {
  const stretches: CertificateRevision[][] = [];
  for (const revision of revisions) {
    const current = stretches.at(-1);
    if (current === undefined || revision.cause === 'RESTORED') stretches.push([revision]);
    else current.push(revision);
  }
  return stretches;
};

/**
 * Set once the certificate is to the superseded version and its successor is published: one per
 * stretch of the certificate to that version in force then, opened on the later of the
 * publication and the decision of the stretch's first revision in force on or after it (a
 * restoration, when the certificate was expired on the publication date), so an answer about a
 * day it was expired does not change when the restoration arrives. None for a stretch that had
 * expired or been withdrawn by then and was not moved (it never had to move, and would open
 * ENDED). Met by the decision that moves the certificate to another version while the stretch is
 * in force (a transition or renewal; domain.md §4), as a renewal meets the expiry. Otherwise it
 * ends, unmet, with the stretch's expiry (the day after its last revision's expiry date, recorded
 * or not): a restoration after that expiry neither meets nor reopens it. A restoration to the new
 * version meets nothing; one to the old version starts the next stretch, whose deadline (same due
 * date, its own key: transitionDeadlineKey) opens on the restoration, so as of days between the
 * certificate reads the first ENDED whether the restoration is recorded yet or not.
 */
const transitionDeadlines = (state: IssuedCertificateState): Deadline[] => {
  const codes = [...new Set(state.revisions.map((r) => standardCode(r.standard)))];
  const withdrawnOn = state.withdrawal?.withdrawnOn ?? null;
  return codes.flatMap((code): Deadline[] => {
    const ofVersion = state.revisions.filter((r) => standardCode(r.standard) === code);
    const [oldest] = ofVersion;
    if (!oldest) return [];
    const version = findStandard(oldest.standard);
    const dueDate = version.transitionEnd;
    if (dueDate === null || version.supersededBy === null) return [];
    const { publishedOn } = findStandard({ ...oldest.standard, version: version.supersededBy });
    const stretches = stretchesOf(ofVersion).flatMap((stretch) => {
      const last = stretch.at(-1)!;
      const first = stretch.find((r) => r.expiryDate >= publishedOn) ?? last;
      const openedOn = later(first.decisionDate, publishedOn);
      const moved = state.revisions.find((r) => r.revision > last.revision);
      const metOn =
        moved !== undefined && moved.decisionDate <= last.expiryDate ? moved.decisionDate : null;
      const endedBefore =
        last.expiryDate < openedOn || (withdrawnOn !== null && withdrawnOn <= openedOn);
      if (metOn === null && endedBefore) return [];
      const closesOn = metOn === null ? addDays(last.expiryDate, 1) : null;
      return [{ startedOn: stretch[0]!.decisionDate, openedOn, metOn, closesOn }];
    });
    return stretches.map(({ startedOn, openedOn, metOn, closesOn }, index): Deadline => {
      const restoredOn = index === 0 ? null : startedOn;
      return {
        type: 'TRANSITION_DEADLINE',
        key: transitionDeadlineKey(code, restoredOn),
        dueDate,
        openedOn,
        closesOn,
        metOn,
        subject:
          `transition of certificate ${state.number} from ${code}` +
          (restoredOn === null ? '' : `, restored to it on ${restoredOn}`),
      };
    });
  });
};

/**
 * domain.md §4 deadlines of the certificate, past and present, one per term (expiry date),
 * suspension, lapse and superseded version. Withdrawal is final: it closes whatever is still open
 * then (see closedByWithdrawal).
 */
export const certificateDeadlines = (
  state: CertificateState,
  facts: CertificateDeadlineFacts = {},
): Deadline[] => {
  if (state.status === 'NOT_ISSUED') return [];
  const withdrawnOn = state.withdrawal?.withdrawnOn ?? null;
  return [
    ...termDeadlines(state, facts),
    ...restorationDeadlines(state),
    ...suspensionDeadlines(state),
    ...transitionDeadlines(state),
  ].map(closedByWithdrawal(withdrawnOn));
};
