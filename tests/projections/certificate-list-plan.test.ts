import Database from 'better-sqlite3';
import { calendarDate } from '../../src/domain';
import {
  type CertificateFilter,
  certificateListSql,
  certificatesProjection,
} from '../../src/projections';

const db = new Database(':memory:');
certificatesProjection.setup(db);
for (const index of Object.values(certificatesProjection.queryIndexes ?? {})) db.exec(index);
afterAll(() => db.close());

const plan = (filter: CertificateFilter): string => {
  const byCode = filter.standard?.includes(':') ?? false;
  return db
    .prepare(`EXPLAIN QUERY PLAN ${certificateListSql(filter, byCode, true)}`)
    .all({
      asOf: '2025-06-30',
      limit: 21,
      status: 'ACTIVE',
      standard: filter.standard,
      organisationId: 'org-x',
      expiringBefore: '2025-09-01',
      afterNumber: 'CN-20000-00001',
      afterId: 'cert-x',
    })
    .map((row) => (row as { detail: string }).detail)
    .join('\n');
};

describe('certificate lists as of a date read through indexes, in number order, without sorting', () => {
  it.each<[string, CertificateFilter, RegExp]>([
    [
      'no filter',
      {},
      /SEARCH c USING INDEX rm_certificates_by_number \(\(number,certificate_id\)>/,
    ],
    [
      'a standard with its version',
      { standard: 'ISO/IEC 20000-1:2011', expiringBefore: calendarDate('2025-09-01') },
      /SEARCH r USING INDEX rm_certificate_revision_periods_by_standard \(standard_code=\? AND \(number,certificate_id\)>/,
    ],
    [
      'a standard of any version',
      { standard: 'ISO/IEC 20000-1' },
      /SEARCH r USING INDEX rm_certificate_revision_periods_by_identifier \(standard_identifier=\? AND/,
    ],
    [
      'an organisation',
      { organisationId: 'org-x', status: 'ACTIVE' },
      /SEARCH c USING INDEX rm_certificates_by_organisation \(organisation_id=\? AND/,
    ],
  ])('%s', (_, filter, driver) => {
    const inForce = plan(filter);
    expect(inForce).toMatch(driver);
    expect(inForce).not.toMatch(/TEMP B-TREE/);
    expect(inForce).not.toMatch(/SCAN r\b/);
  });
});

it("drops an older store's indexes of the certificate rows' own standard and expiry, which no list reads", () => {
  const older = new Database(':memory:');
  certificatesProjection.setup(older);
  older.exec('CREATE INDEX rm_certificates_by_standard ON rm_certificates (standard_code, number)');
  older.exec('CREATE INDEX rm_certificates_by_expiry ON rm_certificates (expiry_date)');
  certificatesProjection.setup(older);
  const names = older
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'rm_certificates'")
    .pluck()
    .all();
  older.close();
  expect(names).not.toContain('rm_certificates_by_standard');
  expect(names).not.toContain('rm_certificates_by_expiry');
});
