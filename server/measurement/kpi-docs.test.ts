// docs/kpis.md stays true to the catalogue: every KPI has a row in its table and a section of its
// own, with the same unit, basis, measure and version, and the page names no KPI the catalogue lacks.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './kpis/registry.js';

const DOC_PATH = fileURLToPath(new URL('../../docs/kpis.md', import.meta.url));
const doc = readFileSync(DOC_PATH, 'utf8');

/** Rows of the catalogue table: `| \`id\` | name | unit | basis | measure | version |`. */
function tableRows(text: string): Map<string, { name: string; unit: string; basis: string; measure: string; version: number }> {
  const rows = new Map<string, { name: string; unit: string; basis: string; measure: string; version: number }>();
  for (const line of text.split('\n')) {
    const m = /^\|\s*`([a-z][a-z0-9_]*)`\s*\|([^|]+)\|([^|]+)\|([^|]+)\|([^|]+)\|([^|]+)\|\s*$/.exec(line);
    if (!m) continue;
    const [, id, name, unit, basis, measure, version] = m.map((x) => x.trim()) as string[];
    if (rows.has(id as string)) throw new Error(`docs/kpis.md lists ${id} twice in the table`);
    rows.set(id as string, { name: name as string, unit: unit as string, basis: basis as string, measure: measure as string, version: Number(version) });
  }
  return rows;
}

/** Ids of the KPI sections: `### Name (\`id\`)`. */
const sectionIds = (text: string): string[] => [...text.matchAll(/^### .*\(`([a-z][a-z0-9_]*)`\)\s*$/gm)].map((m) => m[1] as string);

/** KPI ids in API paths: `/api/v1/kpis/<id>`. */
const pathIds = (text: string): string[] => [...text.matchAll(/\/api\/v1\/kpis\/([a-z][a-z0-9_]*)/g)].map((m) => m[1] as string);

describe('docs/kpis.md', () => {
  const ids = CATALOGUE.map((k) => k.meta.id);
  const known = new Set(ids);

  it('has a table row for every catalogue KPI, with its name, unit, basis, measure and version', () => {
    const rows = tableRows(doc);
    for (const k of CATALOGUE) {
      expect(rows.get(k.meta.id), `docs/kpis.md: no table row for ${k.meta.id}`).toEqual({
        name: k.meta.name,
        unit: k.meta.unit,
        basis: k.meta.basis,
        measure: k.meta.measure,
        version: k.meta.version,
      });
    }
    expect(
      [...rows.keys()].filter((id) => !known.has(id)),
      'docs/kpis.md lists KPIs the catalogue lacks',
    ).toEqual([]);
  });

  it('explains every catalogue KPI in a section of its own, in catalogue order, and no other', () => {
    expect(sectionIds(doc)).toEqual(ids);
  });

  it('names only catalogue KPIs in its API examples', () => {
    const paths = pathIds(doc);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((id) => !known.has(id))).toEqual([]);
  });

  it('states the version each section explains', () => {
    const sections = doc.split(/^### /m).slice(1);
    for (const k of CATALOGUE) {
      const section = sections.find((s) => s.split('\n')[0]?.includes(`(\`${k.meta.id}\`)`));
      expect(section, k.meta.id).toBeDefined();
      expect(section, `docs/kpis.md: the ${k.meta.id} section does not say version ${k.meta.version}`).toMatch(new RegExp(`version ${k.meta.version}\\b`));
    }
  });
});

describe('the docs test', () => {
  it('catches a missing KPI and an unknown one', () => {
    const withoutWinRate = doc.replace(/^\| `win_rate` .*\n/m, '');
    expect(tableRows(withoutWinRate).has('win_rate')).toBe(false);
    const withGhost = `${doc}\n| \`ghost_kpi\` | Ghost | ratio | closed | count | 1 |\n### Ghost (\`ghost_kpi\`)\n`;
    expect(tableRows(withGhost).has('ghost_kpi')).toBe(true);
    expect(sectionIds(withGhost)).toContain('ghost_kpi');
  });
});
