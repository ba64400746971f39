import { certificateDecider, expiryToRecord } from '../../../src/domain';
import {
  d,
  expire,
  fold,
  issueCommand,
  issued,
  renew,
  run,
  spec,
  withdraw,
} from './certificate-fixtures';

const SCANNER = 'system:deadline-scanner';

/** Issued 2024-03-20, expiring 2027-03-19. */
describe('the expiry the deadline scanner records', () => {
  it('is due from the day after the expiry date, and the decider accepts it', () => {
    const command = expiryToRecord(fold(issued()), d('2027-03-20'), SCANNER);
    expect(command).toEqual({
      type: 'ExpireCertificate',
      data: { certificateId: 'cert-42', recordedOn: d('2027-03-20'), actor: SCANNER },
    });
    expect(spec(issued()).when(command!).events()).toEqual([
      expect.objectContaining({ type: 'CertificateExpired' }),
    ]);
  });

  it('is not due on the expiry date itself', () => {
    expect(expiryToRecord(fold(issued()), d('2027-03-19'), SCANNER)).toBeNull();
  });

  it('is recorded once', () => {
    const expired = run(issueCommand(), expire('2027-03-21'));
    expect(expiryToRecord(fold(expired), d('2027-03-22'), SCANNER)).toBeNull();
  });

  it('is not due for a withdrawn certificate', () => {
    const withdrawn = run(issueCommand(), withdraw('2026-01-10'));
    expect(expiryToRecord(fold(withdrawn), d('2027-03-20'), SCANNER)).toBeNull();
  });

  it('follows a renewal to the new expiry date', () => {
    const renewed = run(issueCommand(), renew('2027-03-01'));
    const state = fold(renewed);
    expect(expiryToRecord(state, d('2027-03-20'), SCANNER)).toBeNull();
    expect(
      certificateDecider.decide(expiryToRecord(state, d('2030-03-20'), SCANNER)!, state),
    ).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ expiryDate: d('2030-03-19') }) }),
    ]);
  });
});
