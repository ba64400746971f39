import 'reflect-metadata';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { load } from './api/load-test';

const [url, dbFile, pid, rounds] = process.argv.slice(2) as [string, string, string, string];
const KEY = 'benchkey-0123456789abcdef0123456789';
const db = new Database(dbFile, { readonly: true });
const targets = db
  .prepare(
    "SELECT audit_cycle_id AS c, audit_id AS a, last_day AS d FROM rm_audits WHERE kind = 'SURVEILLANCE' AND last_day IS NOT NULL AND audit_cycle_id GLOB 'cycle-b*x*-1' ",
  )
  .all() as { c: string; a: string; d: string }[];
db.close();
for (let k = targets.length - 1; k > 0; k--) { const j = Math.floor(Math.random() * (k + 1)); [targets[k], targets[j]] = [targets[j]!, targets[k]!]; }
console.log('targets', targets.length);
const cpu = () => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
let i = 0;
const tag = Date.now().toString(36);
const RAISE = `mutation Raise($input: RaiseNonconformityInput!) { raiseNonconformity(input: $input) { id status version } }`;
const scenarios = [
  { name: 'base', body: () => '{"query":"{ __typename }"}' },
  {
    name: 'raise',
    body: () => {
      const t = targets[i++ % targets.length]!;
      return JSON.stringify({
        query: RAISE,
        variables: { input: { auditCycleId: t.c, auditId: t.a, ncId: `nc-${tag}-${i}`, grade: 'MINOR', clause: '8.5.1', description: 'x', raisedOn: t.d } },
      });
    },
  },
];
void (async () => {
  for (let r = 0; r < Number(rounds); r++) {
    const line: string[] = [];
    let base = 0;
    for (const s of scenarios) {
      await load(url, KEY, s, 2);
      const c0 = cpu();
      const res = await load(url, KEY, s, 10);
      const us = ((cpu() - c0) * 1e6) / res.requests;
      if (s.name === 'base') base = res.requestsPerSecond;
      line.push(`${s.name} ${res.requestsPerSecond.toFixed(0)} req/s ${us.toFixed(0)} us/req fail ${res.failures} ${res.firstFailure ?? ''}`.slice(0, 300));
    }
    const raise = Number(line[1]!.split(' ')[1]);
    console.log(line.join(' | '), `ratio ${(raise / base).toFixed(3)}`);
  }
})();
