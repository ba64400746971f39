import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  EffectiveDateTooLateError,
  minDate,
  TransferSurveillanceOverdueError,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  d,
  decideCertification,
  recordTransferReview,
  spec,
  submitTransfer,
} from './audit-cycle-fixtures';
import { dayBetween } from '../../support/calendar-arbitraries';

const plain = (date: string) => Temporal.PlainDate.from(date);
const iso = (date: Temporal.PlainDate) => calendarDate(date.toString());

const SUBMITTED_ON = d('2025-06-02');
const REVIEWED_ON = d('2025-06-10');
const DECIDED_ON = d('2025-06-20');

/** A transfer applied for on 2025-06-02, accepted on 2025-06-05, reviewed on 2025-06-10. */
const reviewedTransfer = (
  previousDecision: CalendarDate,
  expiry: CalendarDate,
  completed: 0 | 1 | 2,
) =>
  new AuditCycleHistory()
    .run(
      submitTransfer({
        transfer: {
          previousCertificationBody: 'Other CB Ltd',
          previousCertificateNumber: 'OCB-20000-0099',
          previousCycleDecisionDate: previousDecision,
          certificateExpiryDate: expiry,
          surveillanceProgramme: {
            completedSurveillances: completed,
            lastSurveillanceLastDay:
              completed === 0
                ? null
                : minDate(addDays(previousDecision, 300 * completed), SUBMITTED_ON),
          },
        },
      }),
    )
    .accepted('2025-06-05')
    .run(recordTransferReview({ reviewedOn: REVIEWED_ON }));

describe("a transfer's effective date (IAF MD 2)", () => {
  it('refuses exactly an effective date after the decision on or after min(next surveillance due, expiry + 1 day), and a surveillance overdue by the decision', () => {
    fc.assert(
      fc.property(
        dayBetween('2022-07-01', '2025-05-31'),
        fc.constantFrom(0 as const, 1 as const, 2 as const),
        fc.integer({ min: 0, max: 1200 }),
        (previousDecision, completed, offset) => {
          const expiry = iso(plain(previousDecision).add({ years: 3 }).subtract({ days: 1 }));
          const nextDue =
            completed === 2
              ? null
              : iso(plain(previousDecision).add({ months: 12 * (completed + 1) }));
          fc.pre(nextDue === null || nextDue >= REVIEWED_ON);
          fc.pre(completed < 2 || addDays(previousDecision, 600) <= SUBMITTED_ON);
          const effectiveOn = addDays(DECIDED_ON, offset);
          const afterExpiry = iso(plain(expiry).add({ days: 1 }));
          const limit = nextDue !== null && nextDue < afterExpiry ? nextDue : afterExpiry;
          const decision = spec(reviewedTransfer(previousDecision, expiry, completed).events).when(
            decideCertification(DECIDED_ON, { effectiveOn }),
          );
          if (nextDue !== null && nextDue < DECIDED_ON) {
            decision.thenThrows(TransferSurveillanceOverdueError, {
              rule: 'TRANSFER_SURVEILLANCE_OVERDUE',
              message: new RegExp(`was due by ${nextDue} and is not completed`),
            });
          } else if (effectiveOn !== DECIDED_ON && effectiveOn >= limit) {
            decision.thenThrows(EffectiveDateTooLateError, {
              rule: 'EFFECTIVE_DATE_TOO_LATE',
              message: new RegExp(
                limit > DECIDED_ON
                  ? `takes effect before ${limit}$`
                  : `takes effect on the decision of ${DECIDED_ON}$`,
              ),
            });
          } else {
            expect(decision.events()).toEqual([
              expect.objectContaining({ data: expect.objectContaining({ effectiveOn }) }),
            ]);
          }
        },
      ),
      {
        examples: [
          [d('2024-06-15'), 0, 0],
          [d('2023-06-15'), 1, 30],
          [d('2024-06-20'), 0, 5],
        ],
      },
    );
  });
});
