import { foldedText } from '../../../src/domain';

describe('text as people type it', () => {
  it('folds compatibility forms, dashes, white space and case, keeping other characters', () => {
    expect(foldedText('\u00a0ＣＮ－２００００\u221200042 /\tR2\n')).toBe('cn-20000-00042 / r2');
    expect(foldedText(' ISO/IEC  20000\u20131 : 2018 ')).toBe('iso/iec 20000-1 : 2018');
  });
});
