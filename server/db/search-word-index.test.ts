// The word index may only narrow search, never change it: for awkward names (punctuation, accents
// composed and not, scripts with odd case rules, symbols) every query finds exactly what the folded
// LIKE alone finds, on both engines, and the index follows inserts, renames and deletes.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';
import { narrowedBy, wordIndexFilter } from './search-word-index.js';
import { matches, wordsOf } from './text-search.js';

const NAMES = [
  `O'Brien "Quoted" \\ Back`,
  'Éclair Überseehandel',
  'Cafe\u0301 decomposed',
  'ΣΊΣΥΦΟΣ Ltd',
  'Ωmega Café',
  'İstanbul Trading',
  'x×y Partners',
  'Cotton_Co',
  '100% Cotton',
  'wile@acme.example',
  'acme-partner.example',
  '日本語テキスト 株式会社',
  'ᲐᲑᲒ Mtavruli',
  'Kelvin \u212A scale',
  'STRASSE straße',
  'nbsp\u00a0word',
  'tab\tword line\nbreak',
  '🚀 launch',
  'Quantum onboarding',
  'Onboarding for Quantum Ltd',
];

/** Queries from the names: each word, its prefixes, in upper and lower case, and word pairs. */
function queriesOf(names: string[]): string[] {
  const out = new Set<string>(['quant onb', 'acme', 'wile@acme', "o'bri", '"quoted"', '%', '_', 'ı', 'k', 'ς', 'σ', 'zzz']);
  for (const name of names) {
    const words = name.split(/[\s./@,-]+/).filter((w) => w.length > 0);
    for (const word of words) {
      const chars = Array.from(word);
      for (let n = 1; n <= chars.length; n++) {
        const prefix = chars.slice(0, n).join('');
        out.add(prefix);
        out.add(prefix.toUpperCase());
      }
    }
    if (words.length > 1) out.add(`${words[1]} ${words[0]?.slice(0, 3)}`);
  }
  return [...out];
}

describeEngines('search word index', (env) => {
  async function ids(workspaceId: string, needle: string, indexed: boolean): Promise<string[]> {
    const { db, dialect } = env().database;
    const name = sql<string>`a.name`;
    const domain = sql<string | null>`a.domain`;
    const filter = wordIndexFilter(dialect, 'accounts', 'a', needle);
    const rows = await db
      .selectFrom('accounts as a')
      .select('a.name')
      .where('a.workspace_id', '=', workspaceId)
      .where(() => matches(dialect, [name, domain], needle))
      .$call(narrowedBy(indexed ? filter : null))
      .orderBy('a.name')
      .execute();
    return rows.map((r) => r.name);
  }

  /** What the index alone lets through (no LIKE): proof that it narrows. */
  async function candidates(workspaceId: string, needle: string): Promise<string[]> {
    const { db, dialect } = env().database;
    const filter = wordIndexFilter(dialect, 'accounts', 'a', needle);
    if (filter === null) throw new Error(`no index filter for ${needle}`);
    const rows = await db
      .selectFrom('accounts as a')
      .select('a.name')
      .where('a.workspace_id', '=', workspaceId)
      .where(() => filter)
      .orderBy('a.name')
      .execute();
    return rows.map((r) => r.name);
  }

  it('finds exactly what the LIKE alone finds, for every word and prefix of awkward names', async () => {
    const w = await env().workspace();
    for (const name of NAMES) expect((await w.as(w.admin).post('/api/v1/accounts', { name })).status).toBe(201);
    await w.as(w.admin).post('/api/v1/accounts', { name: 'Domain only', domain: 'quantum-labs.example' });
    let filtered = 0;
    for (const q of queriesOf([...NAMES, 'quantum-labs.example'])) {
      if (wordsOf(q).length === 0) continue;
      if (wordIndexFilter(env().database.dialect, 'accounts', 'a', q) !== null) filtered++;
      expect({ q, found: await ids(w.id, q, true) }).toEqual({ q, found: await ids(w.id, q, false) });
    }
    // Most queries go through the index; the few it cannot promise read every row instead.
    expect(filtered).toBeGreaterThan(200);
  });

  it('narrows through the index, and follows inserts, renames and deletes', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const { body: quantum } = await api.post('/api/v1/accounts', { name: 'Quantum Ltd' });
    await api.post('/api/v1/accounts', { name: 'Nova AG', domain: 'quantum-nova.example' });
    await api.post('/api/v1/accounts', { name: 'Orbit plc' });
    expect(await candidates(w.id, 'quant')).toEqual(['Nova AG', 'Quantum Ltd']);
    expect(await candidates(w.id, 'orb')).toEqual(['Orbit plc']);

    const renamed = await api.patch(`/api/v1/accounts/${quantum.id}`, { name: 'Photon Ltd', version: quantum.version });
    expect(renamed.status).toBe(200);
    expect(await candidates(w.id, 'quant')).toEqual(['Nova AG']);
    expect(await candidates(w.id, 'photon')).toEqual(['Photon Ltd']);

    await env().database.db.deleteFrom('accounts').where('id', '=', quantum.id).execute();
    expect(await candidates(w.id, 'photon')).toEqual([]);
  });
});
