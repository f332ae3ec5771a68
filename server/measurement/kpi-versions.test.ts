// "A changed definition is a new version": every KPI's fingerprint (meaning + SQL) is recorded with
// its version in kpis/definitions.lock.json. Change a definition and this test stops you until you
// decide — bump meta.version when results can differ, keep it for a pure refactor — and re-record:
//   FURROW_RECORD_KPI_VERSIONS=1 npx vitest run server/measurement/kpi-versions.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from './kpis/fingerprint.js';
import { CATALOGUE } from './kpis/registry.js';

const LOCK = fileURLToPath(new URL('./kpis/definitions.lock.json', import.meta.url));
type Lock = Record<string, { version: number; fingerprint: string }>;

const current: Lock = Object.fromEntries(CATALOGUE.map((k) => [k.meta.id, { version: k.meta.version, fingerprint: fingerprintOf(k) }]));

if (process.env.FURROW_RECORD_KPI_VERSIONS === '1') {
  const before = JSON.parse(readFileSync(LOCK, 'utf8')) as Lock;
  for (const [id, was] of Object.entries(before)) {
    const now = current[id];
    if (now && now.version < was.version) throw new Error(`${id}: version ${now.version} is below the recorded ${was.version}`);
  }
  writeFileSync(LOCK, `${JSON.stringify(current, null, 2)}\n`);
}

const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as Lock;

describe('KPI definition versions', () => {
  it('records every catalogue KPI, and no other', () => {
    expect(Object.keys(lock).sort()).toEqual(CATALOGUE.map((k) => k.meta.id).sort());
  });

  it.each(CATALOGUE.map((k) => [k.meta.id, k] as const))('%s: a changed definition has been given a version decision', (id) => {
    const was = lock[id];
    const now = current[id];
    if (!was || !now) throw new Error(`${id} missing`);
    expect(now.version, `${id}: a version never goes down`).toBeGreaterThanOrEqual(was.version);
    expect(
      now,
      `${id}: the definition changed since it was recorded as version ${was.version}. If its results can differ, ` +
        'bump meta.version (and docs/kpis.md); then re-record with FURROW_RECORD_KPI_VERSIONS=1 npx vitest run server/measurement/kpi-versions.test.ts',
    ).toEqual(was);
  });

  it('sees a change in the SQL or the meaning of a definition', () => {
    const [first] = CATALOGUE;
    if (!first) throw new Error('empty catalogue');
    const renamed = { ...first, meta: { ...first.meta, formula: `${first.meta.formula} (changed)` } };
    expect(fingerprintOf(renamed)).not.toBe(fingerprintOf(first));
    if (first.kind === 'simple') {
      const otherSql = { ...first, facts: (...args: Parameters<typeof first.facts>) => ({ ...first.facts(...args), needs: [] as const }) };
      expect(fingerprintOf(otherSql)).not.toBe(fingerprintOf(first));
    }
    const bumped = { ...first, meta: { ...first.meta, version: first.meta.version + 1 } };
    expect(fingerprintOf(bumped)).toBe(fingerprintOf(first));
  });
});
