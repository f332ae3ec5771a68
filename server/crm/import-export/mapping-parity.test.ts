// Parity: the import page's mapping table (web/crm/import/csv-columns.ts) maps every column the
// way the server would, so the table it sends as the mapping is what an import without it uses.
import { describe, expect, it } from 'vitest';
import type { ImportEntity, ImportFields, ImportPreset } from '../../../api/imports.js';
import { autoMapping, detectPreset as detectOnPage, IGNORE, readCsvHead } from '../../../web/crm/import/csv-columns.js';
import { readCsv } from './csv-read.js';
import { FIELDS } from './fields.js';
import { detectPreset, resolveMapping } from './mapping.js';
import { PRESET_NAMES, PRESETS } from './presets.js';

const ENTITIES: ImportEntity[] = ['accounts', 'contacts', 'deals', 'activities'];

function fieldsFor(entity: ImportEntity): ImportFields {
  return {
    entity,
    fields: FIELDS[entity].map((f) => ({ key: f.key, label: f.label, required: f.required, type: f.kind, custom: false })),
    presets: Object.fromEntries(PRESET_NAMES.map((name) => [name, PRESETS[name][entity]])),
  };
}

const withoutIgnored = (mapping: Record<string, string>) => Object.fromEntries(Object.entries(mapping).filter(([, f]) => f !== IGNORE));

describe('the import page maps columns as the server does', () => {
  for (const entity of ENTITIES) {
    it(`${entity}: every preset's headers, the field labels and keys, and unknown columns`, () => {
      const fields = fieldsFor(entity);
      const labels = FIELDS[entity].flatMap((f) => [f.label, f.key.toUpperCase()]);
      const files: string[][] = [...PRESET_NAMES.map((name) => [...Object.keys(PRESETS[name][entity]), 'Something else']), [...labels, ' Name* ']];
      for (const headers of files) {
        expect(detectOnPage(fields.presets, headers)).toBe(detectPreset(entity, headers));
        for (const preset of [undefined, ...PRESET_NAMES] as (ImportPreset | undefined)[]) {
          const server = resolveMapping(entity, headers, { preset }).mapping;
          expect(withoutIgnored(autoMapping(fields, headers, preset ?? null)), `${entity} ${preset ?? 'auto'} ${headers.join('|')}`).toEqual(server);
        }
      }
    });
  }

  it('reads the header row and the first row as the server reads the file', () => {
    const text = '\uFEFFName,"Deal, ""big""",Notes\r\nAcme,"12,000","two\nlines"\r\nNext,1,x';
    const server = readCsv(text);
    expect(readCsvHead(text)).toEqual({ headers: server.headers, sample: server.records[0]?.cells });
    expect(readCsvHead('Name,Close Date')).toEqual({ headers: ['Name', 'Close Date'], sample: [] });
    for (const separated of ['Name;Amount\nAcme;"1.234,50"', 'Name\tAmount\nAcme\t12', 'a,b;c;d\n1,2;3;4']) {
      const read = readCsv(separated);
      expect(readCsvHead(separated)).toEqual({ headers: read.headers, sample: read.records[0]?.cells });
    }
  });
});
