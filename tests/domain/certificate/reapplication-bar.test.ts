import { reapplicationBarOf } from '../../../src/domain';
import {
  CN_POLICY,
  fold,
  issueCommand,
  reinstate,
  run,
  suspend,
  withdraw,
} from './certificate-fixtures';

const cn = () => issueCommand({ policy: CN_POLICY });
const N = 'CN-20000-00042';

describe('reapplicationBarOf', () => {
  it('has none under ISO/IEC 17021-1 alone, or for a suspension not of the organisation own fault', () => {
    expect(reapplicationBarOf(fold(run(issueCommand(), suspend('2025-06-01'))))).toBeNull();
    expect(
      reapplicationBarOf(fold(run(cn(), suspend('2025-06-01', { ownFault: false })))),
    ).toBeNull();
  });

  it('bars for 12 months [CN] from an own-fault suspension, even once reinstated', () => {
    expect(
      reapplicationBarOf(fold(run(cn(), suspend('2025-06-01'), reinstate('2025-07-01')))),
    ).toEqual({ certificateNumber: N, cause: 'SUSPENSION', on: '2025-06-01', until: '2026-06-01' });
  });

  it('takes the bar that ends last, a withdrawal after a suspension', () => {
    expect(
      reapplicationBarOf(fold(run(cn(), suspend('2025-06-01'), withdraw('2025-09-30')))),
    ).toEqual({ certificateNumber: N, cause: 'WITHDRAWAL', on: '2025-09-30', until: '2026-09-30' });
    expect(reapplicationBarOf(fold(run(cn(), withdraw('2025-09-30', false))))).toBeNull();
  });
});
