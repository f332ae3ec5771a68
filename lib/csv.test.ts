import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvOptions, detectDelimiter, detectPreset, fieldsByName, guessField, normaliseHeader, presetLookup } from './csv.js';

describe('CSV shape and column matching', () => {
  it('takes the separator used most outside quotes in the first line', () => {
    expect(detectDelimiter('Name,Amount\nx;y;z;w')).toBe(',');
    expect(detectDelimiter('Name;Amount;"a,b,c"\n1,2,3')).toBe(';');
    expect(detectDelimiter('Name\tAmount\n')).toBe('\t');
    expect(detectDelimiter('Name')).toBe(',');
  });

  it('reads BOM, quotes, line breaks in quotes and regional separators with the shared options', () => {
    const text = '\uFEFFName,"Deal, ""big""",Notes\r\nAcme,"12,000","two\nlines"\r\nNext,1,x';
    expect(parse(text, csvOptions(text))).toEqual([
      ['Name', 'Deal, "big"', 'Notes'],
      ['Acme', '12,000', 'two\nlines'],
      ['Next', '1', 'x'],
    ]);
    const semi = 'Name;Amount\nAcme;"1.234,50"';
    expect(parse(semi, csvOptions(semi))).toEqual([
      ['Name', 'Amount'],
      ['Acme', '1.234,50'],
    ]);
  });

  it('compares headers without case, stars, BOM or doubled spaces', () => {
    expect(normaliseHeader('\uFEFF  Close   Date* ')).toBe('close date');
  });

  it('picks the preset covering most columns, the first on a tie, none when nothing matches', () => {
    const presets = { a: { Name: 'name', Value: 'amount' }, b: { 'Deal Name': 'name', Amount: 'amount', Stage: 'stage' } };
    expect(detectPreset(presets, ['deal name', 'Stage', 'Value'])).toBe('b');
    expect(detectPreset(presets, ['Name', 'Stage'])).toBe('a');
    expect(detectPreset(presets, ['Other'])).toBeNull();
  });

  it('maps by preset first, then by the first field with the key or label', () => {
    const byName = fieldsByName([
      { key: 'source', label: 'Source' },
      { key: 'custom.source', label: 'Source' },
      { key: 'amount', label: 'Amount' },
    ]);
    const preset = presetLookup({ 'Deal Value': 'amount', Source: 'custom.source' });
    expect(guessField('SOURCE', new Map(), byName)).toBe('source');
    expect(guessField('Source', preset, byName)).toBe('custom.source');
    expect(guessField('deal value', preset, byName)).toBe('amount');
    expect(guessField('Unknown', preset, byName)).toBeUndefined();
  });
});
