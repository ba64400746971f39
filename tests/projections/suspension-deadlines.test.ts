import { SettableClock } from '../../src/application';
import type { CertificateCommand } from '../../src/domain';
import { certificateDeadlines, openDeadlines, upcomingDeadlines } from '../../src/projections';
import { ReminderScanner, type WebhookPayload } from '../../src/webhooks';
import {
  ACME,
  BETA,
  d,
  expectSameReadModelsInBatches,
  Lifecycle,
  seriousFailureSuspension,
  typicalReadSide,
} from './lifecycle-fixture';

const suspend = seriousFailureSuspension(ACME.certificateId, '2027-06-01');

const reinstate: CertificateCommand = {
  type: 'ReinstateCertificate',
  data: {
    certificateId: ACME.certificateId,
    reinstatedOn: d('2027-06-01'),
    reason: 'suspended by mistake',
    actor: 'p-manager',
  },
};

describe('suspension limits', () => {
  const readSide = typicalReadSide('suspension-deadlines');

  it('are projected for a certificate suspended again on the day it was reinstated', async () => {
    const run = new Lifecycle(readSide().store);
    await run.certificate(suspend);
    await run.certificate(reinstate);
    await run.certificate(suspend);
    await readSide().runner.catchUp();
    const limits = certificateDeadlines(readSide().db, ACME.certificateId, d('2027-06-02'))
      .filter(
        (deadline) => deadline.type === 'SUSPENSION_LIMIT' && deadline.openedOn === '2027-06-01',
      )
      .map(({ key, state }) => [key, state]);
    expect(limits).toEqual([
      ['SUSPENSION_LIMIT:2027-06-01', 'MET'],
      ['SUSPENSION_LIMIT:2027-06-01:2', 'UPCOMING'],
    ]);
  });
});

describe('a suspension still running when the certificate expires', () => {
  const readSide = typicalReadSide('suspension-at-expiry');

  /** Beta expires on 2028-01-09; suspended on 2027-08-15, its limit is 2028-02-15. */
  const limitRow = () =>
    readSide()
      .db.prepare(
        `SELECT due_date, met_on, closes_on FROM rm_deadlines
         WHERE aggregate_id = ? AND type = 'SUSPENSION_LIMIT'`,
      )
      .all(BETA.certificateId);

  const limitOn = (asOf: string) => ({
    listed: upcomingDeadlines(readSide().db, {
      asOf: d(asOf),
      withinDays: 3650,
      organisationId: BETA.organisationId,
    })
      .items.map(({ node }) => node)
      .filter((deadline) => deadline.type === 'SUSPENSION_LIMIT')
      .map(({ state }) => state),
    scanned: [...openDeadlines(readSide().db, d(asOf))]
      .filter((deadline) => deadline.type === 'SUSPENSION_LIMIT')
      .map(({ dueDate }) => dueDate),
    ofCertificate: certificateDeadlines(readSide().db, BETA.certificateId, d(asOf))
      .filter((deadline) => deadline.type === 'SUSPENSION_LIMIT')
      .map(({ state, metOn }) => ({ state, metOn })),
  });

  const reminders: WebhookPayload[] = [];
  const clock = new SettableClock('2028-01-09T09:00:00Z');
  const scanner = () =>
    new ReminderScanner({
      db: readSide().db,
      clock,
      deadlines: {
        openDeadlines: (asOf) =>
          [...openDeadlines(readSide().db, asOf)].map((deadline) => ({
            ...deadline,
            certificateNumber: deadline.certificateNumber ?? undefined,
            version: deadline.version ?? undefined,
          })),
      },
      onReminder: (reminder) => {
        if (reminder.data.deadlineType === 'SUSPENSION_LIMIT') reminders.push(reminder);
      },
    });

  it('ends with the expiry, unmet, is no longer listed nor reminded, and rebuilds the same rows', async () => {
    const run = new Lifecycle(readSide().store);
    await run.certificate(seriousFailureSuspension(BETA.certificateId, '2027-08-15'));
    await readSide().runner.catchUp();
    expect(limitRow()).toEqual([{ due_date: '2028-02-15', met_on: null, closes_on: '2028-01-10' }]);
    expect(limitOn('2028-01-09')).toEqual({
      listed: ['UPCOMING'],
      scanned: ['2028-02-15'],
      ofCertificate: [{ state: 'UPCOMING', metOn: null }],
    });
    const ended = { listed: [], scanned: [], ofCertificate: [{ state: 'ENDED', metOn: null }] };
    expect(limitOn('2028-01-10')).toEqual(ended);
    expect(limitOn('2028-03-01')).toEqual(ended);

    await scanner().scan();
    expect(reminders.map(({ data }) => [data.dueDate, data.threshold])).toEqual([
      ['2028-02-15', 60],
    ]);
    clock.set('2028-01-17T09:00:00Z');
    await scanner().scan();
    expect(reminders).toHaveLength(1);

    await run.certificate({
      type: 'ExpireCertificate',
      data: { certificateId: BETA.certificateId, recordedOn: d('2028-01-17'), actor: 'scanner' },
    });
    await readSide().runner.catchUp();
    expect(limitRow()).toEqual([{ due_date: '2028-02-15', met_on: null, closes_on: '2028-01-10' }]);
    expect(limitOn('2028-03-01')).toEqual(ended);
    clock.set('2028-03-01T09:00:00Z');
    await scanner().scan();
    expect(reminders).toHaveLength(1);

    await expectSameReadModelsInBatches(readSide().store, readSide().db);
  });
});
