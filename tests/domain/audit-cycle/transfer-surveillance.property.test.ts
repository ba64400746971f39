import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  fromEpochDay,
  minDate,
  toEpochDay,
  TransferSurveillanceOverdueError,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  d,
  recordTransferReview,
  spec,
  submitTransfer,
} from './audit-cycle-fixtures';

const plain = (date: string) => Temporal.PlainDate.from(date);
const iso = (date: Temporal.PlainDate) => calendarDate(date.toString());
const day = (from: string, to: string) =>
  fc.integer({ min: toEpochDay(d(from)), max: toEpochDay(d(to)) }).map(fromEpochDay);

const SUBMITTED_ON = d('2025-06-02');

/** A transfer applied for on 2025-06-02 and accepted on 2025-06-05 (default policy). */
const acceptedTransfer = (decidedOn: CalendarDate, completed: 0 | 1) =>
  new AuditCycleHistory()
    .run(
      submitTransfer({
        transfer: {
          previousCertificationBody: 'Other CB Ltd',
          previousCertificateNumber: 'OCB-20000-0099',
          previousCycleDecisionDate: decidedOn,
          certificateExpiryDate: iso(plain(decidedOn).add({ years: 3 }).subtract({ days: 1 })),
          surveillanceProgramme: {
            completedSurveillances: completed,
            lastSurveillanceLastDay:
              completed === 0 ? null : minDate(addDays(decidedOn, 300), SUBMITTED_ON),
          },
        },
      }),
    )
    .accepted('2025-06-05');

describe('pre-transfer review of the surveillance programme (IAF MD 2)', () => {
  it('refuses the review exactly when it is after the next surveillance due, decision + 12·n months', () => {
    fc.assert(
      fc.property(
        day('2022-07-01', '2025-05-31'),
        fc.constantFrom(0 as const, 1 as const),
        fc.integer({ min: 0, max: 1000 }),
        (decidedOn, completed, offset) => {
          const expiry = iso(plain(decidedOn).add({ years: 3 }).subtract({ days: 1 }));
          const reviewedOn = minDate(addDays(d('2025-06-05'), offset), expiry);
          const due = iso(plain(decidedOn).add({ months: 12 * (completed + 1) }));
          const review = spec(acceptedTransfer(decidedOn, completed).events).when(
            recordTransferReview({ reviewedOn }),
          );
          if (reviewedOn > due) {
            review.thenThrows(TransferSurveillanceOverdueError, {
              rule: 'TRANSFER_SURVEILLANCE_OVERDUE',
              message: new RegExp(`due by ${due} `),
            });
          } else {
            expect(review.events()).toHaveLength(1);
          }
        },
      ),
    );
  });
});
