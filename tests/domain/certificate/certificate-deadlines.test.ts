import {
  type CertificateEvent,
  certificateDeadlines,
  deadlineExistsOn,
  deadlineStateOn,
  formerCertificateOf,
  initialCertificateState,
  type Deadline,
  lapsedForGoodOn,
} from '../../../src/domain';
import {
  CN_POLICY,
  d,
  expire,
  fold,
  ISMS_2013,
  ISMS_2022,
  issueCommand,
  issued,
  reinstate,
  renew,
  restore,
  run,
  SMS_2011,
  spec,
  suspend,
  transition,
  withdraw,
} from './certificate-fixtures';

const N = 'CN-20000-00042';
const issue2013 = issueCommand({
  standard: ISMS_2013,
  decisionDate: d('2023-06-01'),
  effectiveDate: d('2023-06-01'),
});
const byKey = (deadlines: Deadline[]) => Object.fromEntries(deadlines.map((x) => [x.key, x]));

describe('certificateDeadlines', () => {
  it('gives an issued certificate its expiry, recertification audit and restoration window (opened the day after its expiry), ending when it lapses for good', () => {
    expect(certificateDeadlines(fold(issued()))).toEqual([
      {
        type: 'CERTIFICATE_EXPIRY',
        key: 'CERTIFICATE_EXPIRY:2027-03-19',
        dueDate: '2027-03-19',
        openedOn: '2024-03-15',
        closesOn: '2027-09-20',
        metOn: null,
        subject: `expiry of certificate ${N}`,
      },
      {
        type: 'RECERTIFICATION_AUDIT_DUE',
        key: 'RECERTIFICATION_AUDIT_DUE:2027-03-19',
        dueDate: '2026-12-19',
        openedOn: '2024-03-15',
        closesOn: '2027-09-20',
        metOn: null,
        subject: `recertification audit of certificate ${N} (expiring 2027-03-19)`,
      },
      {
        type: 'RESTORATION_WINDOW_END',
        key: 'RESTORATION_WINDOW_END:2027-03-19',
        dueDate: '2027-09-19',
        openedOn: '2027-03-20',
        metOn: null,
        closesOn: '2027-09-20',
        subject: `restoration of certificate ${N} (expired after 2027-03-19)`,
      },
    ]);
  });

  it('meets the recertification audit deadline with the fact from the next audit cycle', () => {
    const deadlines = certificateDeadlines(fold(issued()), {
      recertificationAudits: { '2027-03-19': d('2026-12-01') },
    });
    expect(byKey(deadlines)['RECERTIFICATION_AUDIT_DUE:2027-03-19']?.metOn).toBe('2026-12-01');
    expect(byKey(deadlines)['CERTIFICATE_EXPIRY:2027-03-19']?.metOn).toBeNull();
  });

  it('meets the old term at the renewal decision and opens the next term', () => {
    const deadlines = byKey(
      certificateDeadlines(fold(run(issueCommand(), renew('2027-02-01', '2027-03-20')))),
    );
    expect(deadlines['CERTIFICATE_EXPIRY:2027-03-19']?.metOn).toBe('2027-02-01');
    expect(deadlines['RECERTIFICATION_AUDIT_DUE:2027-03-19']?.metOn).toBe('2027-02-01');
    expect(deadlines['CERTIFICATE_EXPIRY:2030-03-19']).toMatchObject({ metOn: null });
    expect(deadlines['RECERTIFICATION_AUDIT_DUE:2030-03-19']).toMatchObject({
      dueDate: '2029-12-19',
      metOn: null,
    });
  });

  it('meets the recertification audit deadline of a renewed term on the audit, not on the renewal', () => {
    const renewed = fold(run(issueCommand(), renew('2027-02-01', '2027-03-20')));
    const onTime = byKey(
      certificateDeadlines(renewed, { recertificationAudits: { '2027-03-19': d('2026-11-04') } }),
    );
    expect(onTime['RECERTIFICATION_AUDIT_DUE:2027-03-19']?.metOn).toBe('2026-11-04');
    expect(onTime['CERTIFICATE_EXPIRY:2027-03-19']?.metOn).toBe('2027-02-01');
    const late = byKey(
      certificateDeadlines(renewed, { recertificationAudits: { '2027-03-19': d('2027-01-10') } }),
    );
    expect(late['RECERTIFICATION_AUDIT_DUE:2027-03-19']?.metOn).toBe('2027-01-10');
  });

  it('opens the restoration window the day after the expiry, as the recorded expiry does, before the expiry scanner records it', () => {
    const recorded = certificateDeadlines(fold(run(issueCommand(), expire('2027-04-15'))));
    const notRecorded = certificateDeadlines(fold(run(issueCommand())));
    const windowOf = (deadlines: Deadline[]) =>
      byKey(deadlines)['RESTORATION_WINDOW_END:2027-03-19'];
    expect(windowOf(notRecorded)).toEqual(windowOf(recorded));
    expect(windowOf(notRecorded)).toMatchObject({ openedOn: '2027-03-20', closesOn: '2027-09-20' });
    expect(deadlineStateOn(windowOf(notRecorded)!, d('2027-04-01')).state).toBe('UPCOMING');
  });

  it('gives no restoration window to a term renewed before its expiry, nor to a certificate withdrawn while in force', () => {
    const renewed = certificateDeadlines(
      fold(run(issueCommand(), renew('2027-02-01', '2027-03-20'))),
    );
    expect(renewed.filter((x) => x.type === 'RESTORATION_WINDOW_END').map((x) => x.key)).toEqual([
      'RESTORATION_WINDOW_END:2030-03-19',
    ]);
    const withdrawn = certificateDeadlines(fold(run(issueCommand(), withdraw('2025-06-01'))));
    expect(withdrawn.map((x) => x.type)).not.toContain('RESTORATION_WINDOW_END');
  });

  it('opens the restoration window when the expiry is recorded, closes it when it passes, meets it on restoration', () => {
    const expired = fold(run(issueCommand(), expire('2027-03-20')));
    const window = byKey(certificateDeadlines(expired))['RESTORATION_WINDOW_END:2027-03-19'];
    expect(window).toEqual({
      type: 'RESTORATION_WINDOW_END',
      key: 'RESTORATION_WINDOW_END:2027-03-19',
      dueDate: '2027-09-19',
      openedOn: '2027-03-20',
      metOn: null,
      closesOn: '2027-09-20',
      subject: `restoration of certificate ${N} (expired after 2027-03-19)`,
    });
    expect(deadlineStateOn(window!, d('2027-04-01')).state).toBe('UPCOMING');
    expect(deadlineStateOn(window!, d('2027-09-19')).state).toBe('DUE_TODAY');
    expect(deadlineStateOn(window!, d('2027-09-20')).state).toBe('ENDED');
    expect(byKey(certificateDeadlines(expired))['CERTIFICATE_EXPIRY:2027-03-19']?.metOn).toBeNull();

    const restored = byKey(
      certificateDeadlines(fold(run(issueCommand(), expire('2027-03-20'), restore('2027-05-10')))),
    );
    expect(restored['RESTORATION_WINDOW_END:2027-03-19']?.metOn).toBe('2027-05-10');
    expect(restored['CERTIFICATE_EXPIRY:2027-03-19']?.metOn).toBe('2027-05-10');
    expect(restored['CERTIFICATE_EXPIRY:2030-03-19']?.metOn).toBeNull();
  });

  it('ends the expiry and recertification audit of a term never renewed or restored when its restoration window has passed', () => {
    const expired = fold(run(issueCommand(), expire('2027-03-20')));
    const deadlines = byKey(certificateDeadlines(expired));
    expect(lapsedForGoodOn(expired)).toBe('2027-09-20');
    for (const key of ['CERTIFICATE_EXPIRY:2027-03-19', 'RECERTIFICATION_AUDIT_DUE:2027-03-19']) {
      const deadline = deadlines[key]!;
      expect(deadline).toMatchObject({ metOn: null, closesOn: '2027-09-20' });
      expect(deadlineStateOn(deadline, d('2027-09-19')).state).toBe('OVERDUE');
      expect(deadlineStateOn(deadline, d('2027-09-20'))).toMatchObject({
        state: 'ENDED',
        metOn: null,
      });
    }
  });

  it('ends them the day the certificate expired when it cannot be restored (CN profile, or suspended then)', () => {
    const cn = fold(run(issueCommand({ policy: CN_POLICY }), expire('2027-03-25')));
    expect(lapsedForGoodOn(cn)).toBe('2027-03-20');
    expect(byKey(certificateDeadlines(cn))['CERTIFICATE_EXPIRY:2027-03-19']?.closesOn).toBe(
      '2027-03-20',
    );
    const suspended = fold(run(issueCommand(), suspend('2027-01-10'), expire('2027-03-20')));
    expect(lapsedForGoodOn(suspended)).toBe('2027-03-20');
  });

  it('ends a term when it lapses for good whether its expiry is recorded or not; a restoration meets it', () => {
    expect(lapsedForGoodOn(fold(issued()))).toBe('2027-09-20');
    expect(lapsedForGoodOn(fold(issued({ policy: CN_POLICY })))).toBe('2027-03-20');
    expect(lapsedForGoodOn(fold(run(issueCommand(), suspend('2027-01-10'))))).toBe('2027-03-20');
    expect(certificateDeadlines(fold(issued()))).toEqual(
      certificateDeadlines(fold(run(issueCommand(), expire('2028-01-05')))),
    );
    expect(lapsedForGoodOn(fold(run(issueCommand(), renew('2027-02-01', '2027-03-20'))))).toBe(
      '2030-09-20',
    );
    expect(lapsedForGoodOn(fold(run(issueCommand(), withdraw('2025-06-01'))))).toBeNull();
    const restored = fold(run(issueCommand(), expire('2027-03-20'), restore('2027-05-10')));
    expect(lapsedForGoodOn(restored)).toBe('2030-09-20');
    expect(byKey(certificateDeadlines(restored))['CERTIFICATE_EXPIRY:2027-03-19']).toMatchObject({
      metOn: '2027-05-10',
      closesOn: null,
    });
    const recertified = byKey(
      certificateDeadlines(fold(run(issueCommand(), expire('2027-03-20'))), {
        recertificationAudits: { '2027-03-19': d('2027-04-02') },
      }),
    );
    expect(recertified['RECERTIFICATION_AUDIT_DUE:2027-03-19']).toMatchObject({
      metOn: '2027-04-02',
      closesOn: null,
    });
  });

  it('has no restoration window under the CN profile', () => {
    const expired = fold(run(issueCommand({ policy: CN_POLICY }), expire('2027-03-20')));
    expect(certificateDeadlines(expired).map((x) => x.type)).not.toContain(
      'RESTORATION_WINDOW_END',
    );
  });

  it('has no restoration window for a certificate suspended when it expired', () => {
    const expired = fold(run(issueCommand(), suspend('2027-01-10'), expire('2027-03-20')));
    expect(certificateDeadlines(expired).map((x) => x.type)).not.toContain(
      'RESTORATION_WINDOW_END',
    );
    expect(formerCertificateOf(expired)?.restorationWindowEnd).toBeNull();
    const reinstated = fold(
      run(issueCommand(), suspend('2027-01-10'), reinstate('2027-02-01'), expire('2027-03-20')),
    );
    expect(formerCertificateOf(reinstated)?.restorationWindowEnd).toBe('2027-09-19');
  });

  it('gives a suspension its limit, met on reinstatement', () => {
    const suspended = fold(run(issueCommand(), suspend('2025-06-01')));
    const limit = byKey(certificateDeadlines(suspended))['SUSPENSION_LIMIT:2025-06-01'];
    expect(limit).toEqual({
      type: 'SUSPENSION_LIMIT',
      key: 'SUSPENSION_LIMIT:2025-06-01',
      dueDate: '2025-12-01',
      openedOn: '2025-06-01',
      closesOn: '2027-03-20',
      metOn: null,
      subject: `suspension of certificate ${N} since 2025-06-01`,
    });
    expect(deadlineStateOn(limit!, d('2025-12-02')).state).toBe('OVERDUE');
    const reinstated = fold(run(issueCommand(), suspend('2025-06-01'), reinstate('2025-07-01')));
    expect(byKey(certificateDeadlines(reinstated))['SUSPENSION_LIMIT:2025-06-01']?.metOn).toBe(
      '2025-07-01',
    );
  });

  it('ends a suspension still running at the expiry with the expiry, unmet, recorded or not', () => {
    const limitOf = (events: ReturnType<typeof run>) =>
      byKey(certificateDeadlines(fold(events)))['SUSPENSION_LIMIT:2026-06-01']!;
    const suspended = run(issueCommand(), suspend('2026-06-01'));
    const recorded = run(issueCommand(), suspend('2026-06-01'), expire('2027-03-25'));
    for (const limit of [limitOf(suspended), limitOf(recorded)]) {
      expect(limit).toMatchObject({ dueDate: '2026-12-01', closesOn: '2027-03-20', metOn: null });
      expect(deadlineStateOn(limit, d('2027-03-19'))).toMatchObject({
        state: 'OVERDUE',
        metOn: null,
      });
      for (const asOf of ['2027-03-20', '2027-06-01']) {
        expect(deadlineStateOn(limit, d(asOf))).toMatchObject({ state: 'ENDED', metOn: null });
      }
    }
    const beyond = byKey(
      certificateDeadlines(fold(run(issueCommand(), suspend('2027-01-10'), expire('2027-03-20')))),
    )['SUSPENSION_LIMIT:2027-01-10']!;
    expect(beyond).toMatchObject({ dueDate: '2027-07-10', closesOn: '2027-03-20', metOn: null });
    expect(deadlineStateOn(beyond, d('2027-03-19')).state).toBe('UPCOMING');
    expect(deadlineStateOn(beyond, d('2027-07-11'))).toMatchObject({ state: 'ENDED', metOn: null });
  });

  it('meets a suspension reinstated or withdrawn before the expiry, with no end of its own', () => {
    for (const [end, on] of [
      [reinstate('2026-08-01'), '2026-08-01'],
      [withdraw('2026-08-01'), '2026-08-01'],
    ] as const) {
      const limit = byKey(
        certificateDeadlines(fold(run(issueCommand(), suspend('2026-06-01'), end))),
      )['SUSPENSION_LIMIT:2026-06-01'];
      expect(limit).toMatchObject({ closesOn: null, metOn: on });
    }
  });

  it('leaves a suspension that ended with the expiry unmet by a later withdrawal (a store from before restoring a certificate suspended at its expiry was refused)', () => {
    const suspension = run(issueCommand(), suspend('2027-01-10'))[1]!;
    const [issue, ...restoredThenWithdrawn] = run(
      issueCommand(),
      expire('2027-03-25'),
      restore('2027-05-10'),
      withdraw('2027-06-01'),
    );
    const limit = byKey(certificateDeadlines(fold([issue!, suspension, ...restoredThenWithdrawn])))[
      'SUSPENSION_LIMIT:2027-01-10'
    ];
    expect(limit).toMatchObject({ closesOn: '2027-03-20', metOn: null });
  });

  it('keys a suspension on the day the previous one ended apart from it', () => {
    const again = fold(
      run(
        issueCommand(),
        suspend('2025-06-01'),
        reinstate('2025-06-01'),
        suspend('2025-06-01'),
        reinstate('2025-06-01'),
        suspend('2025-06-01'),
      ),
    );
    const limits = certificateDeadlines(again).filter((x) => x.type === 'SUSPENSION_LIMIT');
    expect(limits.map(({ key, metOn }) => [key, metOn])).toEqual([
      ['SUSPENSION_LIMIT:2025-06-01', '2025-06-01'],
      ['SUSPENSION_LIMIT:2025-06-01:2', '2025-06-01'],
      ['SUSPENSION_LIMIT:2025-06-01:3', null],
    ]);
  });

  it('closes every open deadline at withdrawal: meets the expiry and the suspension limit, ends the rest unmet', () => {
    const withdrawn = fold(run(issueCommand(), suspend('2025-06-01'), withdraw('2025-12-01')));
    const deadlines = certificateDeadlines(withdrawn);
    expect(deadlines.map(({ type, metOn, closesOn }) => ({ type, metOn, closesOn }))).toEqual(
      expect.arrayContaining([
        { type: 'RECERTIFICATION_AUDIT_DUE', metOn: null, closesOn: '2025-12-01' },
        { type: 'CERTIFICATE_EXPIRY', metOn: '2025-12-01', closesOn: null },
        { type: 'SUSPENSION_LIMIT', metOn: '2025-12-01', closesOn: null },
      ]),
    );
    expect(deadlines).toHaveLength(3);
  });

  it('gives a superseded version its transition deadline, met by the transition', () => {
    const open = byKey(certificateDeadlines(fold(run(issue2013))));
    expect(open['TRANSITION_DEADLINE:ISO/IEC 27001:2013']).toEqual({
      type: 'TRANSITION_DEADLINE',
      key: 'TRANSITION_DEADLINE:ISO/IEC 27001:2013',
      dueDate: '2025-10-31',
      openedOn: '2023-06-01',
      closesOn: '2025-11-01',
      metOn: null,
      subject: 'transition of certificate CN-27001-00042 from ISO/IEC 27001:2013',
    });
    expect(open['CERTIFICATE_EXPIRY:2025-10-31']?.metOn).toBeNull();

    const moved = byKey(
      certificateDeadlines(fold(run(issue2013, transition('2025-03-01', ISMS_2022)))),
    );
    expect(moved['TRANSITION_DEADLINE:ISO/IEC 27001:2013']?.metOn).toBe('2025-03-01');
    for (const capped of [
      'CERTIFICATE_EXPIRY:2025-10-31',
      'RECERTIFICATION_AUDIT_DUE:2025-10-31',
    ]) {
      expect(moved[capped]).toMatchObject({ metOn: null, closesOn: '2025-03-01' });
      expect(deadlineStateOn(moved[capped]!, d('2025-03-01')).state).toBe('ENDED');
    }
    expect(moved['CERTIFICATE_EXPIRY:2026-05-31']).toMatchObject({
      openedOn: '2025-03-01',
      metOn: null,
      closesOn: '2026-12-01',
    });
    expect(moved['TRANSITION_DEADLINE:ISO/IEC 27001:2022']).toBeUndefined();
  });

  it('carries a recertification audit recorded against the capped expiry over to the expiry the transition lifts it to', () => {
    const facts = { recertificationAudits: { '2025-10-31': d('2025-07-11') } };
    const capped = byKey(certificateDeadlines(fold(run(issue2013)), facts));
    expect(capped['RECERTIFICATION_AUDIT_DUE:2025-10-31']?.metOn).toBe('2025-07-11');

    const moved = byKey(
      certificateDeadlines(fold(run(issue2013, transition('2025-08-04', ISMS_2022))), facts),
    );
    expect(moved['RECERTIFICATION_AUDIT_DUE:2025-10-31']).toMatchObject({
      metOn: '2025-07-11',
      closesOn: null,
    });
    expect(moved['RECERTIFICATION_AUDIT_DUE:2026-05-31']).toMatchObject({
      openedOn: '2025-08-04',
      metOn: '2025-07-11',
      closesOn: null,
    });
    expect(
      deadlineStateOn(moved['RECERTIFICATION_AUDIT_DUE:2026-05-31']!, d('2026-03-10')),
    ).toMatchObject({
      state: 'MET',
      metOn: '2025-07-11',
    });
    expect(moved['CERTIFICATE_EXPIRY:2026-05-31']?.metOn).toBeNull();
  });

  it('leaves the lifted expiry’s recertification audit open when none was recorded against the capped one', () => {
    const moved = byKey(
      certificateDeadlines(fold(run(issue2013, transition('2025-08-04', ISMS_2022))), {
        recertificationAudits: { '2024-01-01': d('2023-12-01') },
      }),
    );
    expect(moved['RECERTIFICATION_AUDIT_DUE:2026-05-31']).toMatchObject({
      metOn: null,
      closesOn: '2026-12-01',
    });
  });

  it("meets the transition deadline on the transition decision, not on the revision's later effective date", () => {
    const moved = byKey(
      certificateDeadlines(fold(run(issue2013, transition('2025-03-01', ISMS_2022, '2025-03-15')))),
    )['TRANSITION_DEADLINE:ISO/IEC 27001:2013']!;
    expect(moved).toMatchObject({ metOn: '2025-03-01', closesOn: null });
    expect(deadlineStateOn(moved, d('2025-03-01'))).toMatchObject({
      state: 'MET',
      metOn: '2025-03-01',
    });
  });

  it('ends the transition deadline, unmet, when the capped certificate expires, recorded or not', () => {
    const notRecorded = run(issue2013);
    const recorded = run(issue2013, expire('2025-11-03'));
    for (const events of [notRecorded, recorded]) {
      const deadline = byKey(certificateDeadlines(fold(events)))[
        'TRANSITION_DEADLINE:ISO/IEC 27001:2013'
      ]!;
      expect(deadline).toMatchObject({ metOn: null, closesOn: '2025-11-01' });
      expect(deadlineStateOn(deadline, d('2025-10-31')).state).toBe('DUE_TODAY');
      expect(deadlineStateOn(deadline, d('2025-11-01'))).toMatchObject({
        state: 'ENDED',
        metOn: null,
      });
    }
    const deadlines = byKey(certificateDeadlines(fold(recorded)));
    expect(deadlines['RESTORATION_WINDOW_END:2025-10-31']?.dueDate).toBe('2026-04-30');
  });

  it('keeps the transition deadline ended on the expiry when a restoration to the new version follows', () => {
    const events = run(
      issue2013,
      expire('2025-11-03'),
      restore('2025-11-10', { standard: ISMS_2022 }),
    );
    const deadlines = byKey(certificateDeadlines(fold(events)));
    expect(deadlines['TRANSITION_DEADLINE:ISO/IEC 27001:2013']).toMatchObject({
      metOn: null,
      closesOn: '2025-11-01',
    });
    expect(deadlines['RESTORATION_WINDOW_END:2025-10-31']?.metOn).toBe('2025-11-10');
  });

  it('opens the transition deadline on a restoration to the superseded version after its successor was published, not on the publication day the certificate was expired', () => {
    const given = run(
      issueCommand({
        standard: ISMS_2013,
        decisionDate: d('2019-10-01'),
        effectiveDate: d('2019-10-01'),
      }),
      expire('2022-10-03'),
    );
    const when = restore('2022-11-15', { standard: ISMS_2013 });
    const then = [...given, ...spec(given).when(when).events()];

    const transitionOf = (events: CertificateEvent[]) =>
      certificateDeadlines(fold(events)).filter((x) => x.type === 'TRANSITION_DEADLINE');
    expect(transitionOf(given)).toEqual([]);
    expect(transitionOf(then)).toEqual([
      {
        type: 'TRANSITION_DEADLINE',
        key: 'TRANSITION_DEADLINE:ISO/IEC 27001:2013',
        dueDate: '2025-10-31',
        openedOn: '2022-11-15',
        closesOn: '2025-10-01',
        metOn: null,
        subject: 'transition of certificate CN-27001-00042 from ISO/IEC 27001:2013',
      },
    ]);
    const [restored] = transitionOf(then);
    expect(deadlineExistsOn(restored!, d('2022-11-01'))).toBe(false);
    expect(deadlineStateOn(restored!, d('2022-11-15')).state).toBe('UPCOMING');
  });

  it('ends the transition deadline with an expiry after the successor was published and opens another on a restoration to the superseded version, so days between read as before the restoration', () => {
    const given = run(
      issueCommand({
        standard: ISMS_2013,
        decisionDate: d('2019-10-01'),
        effectiveDate: d('2019-10-01'),
      }),
      renew('2022-09-01', '2022-09-01', { standard: ISMS_2013 }),
      expire('2025-10-02'),
    );
    const when = restore('2025-10-10', { standard: ISMS_2013 });
    const then = [...given, ...spec(given).when(when).events()];

    const transitionOf = (events: CertificateEvent[]) =>
      certificateDeadlines(fold(events)).filter((x) => x.type === 'TRANSITION_DEADLINE');
    const expired = {
      type: 'TRANSITION_DEADLINE',
      key: 'TRANSITION_DEADLINE:ISO/IEC 27001:2013',
      dueDate: '2025-10-31',
      openedOn: '2022-10-25',
      closesOn: '2025-10-01',
      metOn: null,
      subject: 'transition of certificate CN-27001-00042 from ISO/IEC 27001:2013',
    };
    expect(transitionOf(given)).toEqual([expired]);
    expect(transitionOf(then)).toEqual([
      expired,
      {
        type: 'TRANSITION_DEADLINE',
        key: 'TRANSITION_DEADLINE:ISO/IEC 27001:2013:restored:2025-10-10',
        dueDate: '2025-10-31',
        openedOn: '2025-10-10',
        closesOn: '2025-11-01',
        metOn: null,
        subject:
          'transition of certificate CN-27001-00042 from ISO/IEC 27001:2013, restored to it on 2025-10-10',
      },
    ]);
    const readOn = (events: CertificateEvent[], asOf: string) =>
      transitionOf(events)
        .filter((x) => deadlineExistsOn(x, d(asOf)))
        .map((x) => deadlineStateOn(x, d(asOf)));
    for (const day of ['2025-09-30', '2025-10-01', '2025-10-05', '2025-10-09']) {
      expect(readOn(then, day)).toEqual(readOn(given, day));
    }
    expect(readOn(then, '2025-10-05').map((x) => x.state)).toEqual(['ENDED']);
    expect(readOn(then, '2025-10-10').map((x) => x.state)).toEqual(['ENDED', 'UPCOMING']);
  });

  it('sets no transition deadline for a certificate that expired or was withdrawn before the successor version was published', () => {
    const issue2011 = (decisionDate: string) =>
      issueCommand({
        standard: SMS_2011,
        decisionDate: d(decisionDate),
        effectiveDate: d(decisionDate),
      });
    const transitionOf = (events: CertificateEvent[]) =>
      byKey(certificateDeadlines(fold(events)))['TRANSITION_DEADLINE:ISO/IEC 20000-1:2011'];

    expect(transitionOf(run(issue2011('2014-01-10')))).toBeUndefined();
    expect(transitionOf(run(issue2011('2014-01-10'), expire('2017-02-01')))).toBeUndefined();
    expect(transitionOf(run(issue2011('2016-05-01'), withdraw('2018-03-01')))).toBeUndefined();

    const inForce = transitionOf(run(issue2011('2016-05-01')))!;
    expect(inForce).toMatchObject({ openedOn: '2018-09-15', closesOn: '2019-05-01', metOn: null });
    expect(deadlineStateOn(inForce, d('2018-09-15')).state).toBe('UPCOMING');
    const withdrawnLater = transitionOf(run(issue2011('2016-05-01'), withdraw('2018-10-01')))!;
    expect(withdrawnLater).toMatchObject({ openedOn: '2018-09-15', closesOn: '2018-10-01' });
    expect(deadlineStateOn(withdrawnLater, d('2018-09-15')).state).toBe('UPCOMING');
  });

  it('has none before issue', () => {
    expect(certificateDeadlines(initialCertificateState())).toEqual([]);
  });
});
