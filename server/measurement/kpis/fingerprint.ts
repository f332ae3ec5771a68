// A KPI definition's fingerprint: what it means (its meta, version aside) and what it computes (its
// facts SQL compiled for a fixed request, a composite's parts and combine rule). Recorded with the
// version in definitions.lock.json, so a changed definition cannot ship without a decision on its
// version (kpi-versions.test.ts): results carry `definitionVersion`, and that must mean something.
import { createHash } from 'node:crypto';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { dialectFor } from '../../db/dialect.js';
import { factSql } from './sql-blocks.js';
import type { FactScope, KpiDefinition, SimpleKpi } from './types.js';

// Compile-only: the SQLite compiler is enough to see a change, and needs no database.
const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

/** A fixed request: two buckets, a team's owners, one pipeline, one stage — every builder path shows. */
const FIXED: FactScope = {
  workspaceId: 'ws',
  asOf: null,
  at: 1_800_000_000_000,
  ownerIds: ['owner-a', 'owner-b'],
  pipelineId: 'pipeline',
  currency: 'EUR',
  fiscalYearStartMonth: 1,
  timezone: 'UTC',
  buckets: [
    { from: '2026-01-01', to: '2026-01-31', start: 1_767_225_600_000, end: 1_769_904_000_000 },
    { from: '2026-02-01', to: '2026-02-28', start: 1_769_904_000_000, end: 1_772_323_200_000 },
  ],
  stageId: 'stage',
  replayed: null,
};

function simpleText(kpi: SimpleKpi): string {
  const facts = kpi.facts(FIXED, factSql(FIXED, dialectFor('sqlite')));
  const compiled = facts.select.compile(compiler);
  const { version: _version, ...meaning } = kpi.meta;
  return JSON.stringify({
    meaning,
    aggregate: kpi.aggregate,
    scale: kpi.scale,
    records: kpi.records,
    snapshot: kpi.snapshot ?? false,
    needs: facts.needs,
    sql: compiled.sql.replace(/\s+/g, ' ').trim(),
    parameters: compiled.parameters,
  });
}

function definitionText(kpi: KpiDefinition): string {
  if (kpi.kind === 'simple') return simpleText(kpi);
  const { version: _version, ...meaning } = kpi.meta;
  return JSON.stringify({
    meaning,
    parts: Object.fromEntries(Object.entries(kpi.parts).map(([role, part]) => [role, `${part.meta.id}@${part.meta.version}`])),
    needsQuota: kpi.needsQuota,
    drill: kpi.drill,
    combine: kpi.combine.toString().replace(/\s+/g, ' ').trim(),
  });
}

export function fingerprintOf(kpi: KpiDefinition): string {
  return createHash('sha256').update(definitionText(kpi)).digest('hex').slice(0, 16);
}
