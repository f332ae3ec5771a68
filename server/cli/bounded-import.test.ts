import { describe, expect, it } from 'vitest';
import { cliImportHeapMb } from '../config.js';
import { importHeapBound } from './bounded-import.js';

describe('the bounded import', () => {
  it('bounds an import of records and leaves every other command on the main thread', () => {
    expect(importHeapBound(['import', 'deals', 'f.csv'], 256)).toBe(256);
    expect(importHeapBound(['import', 'deals', 'f.csv'], null)).toBeNull();
    // People: small files, and --password-stdin reads the process's stdin.
    expect(importHeapBound(['import', 'people', 'f.csv'], 256)).toBeNull();
    expect(importHeapBound(['import', '--help'], 256)).toBeNull();
    expect(importHeapBound(['export', 'deals'], 256)).toBeNull();
    expect(importHeapBound(['serve'], 256)).toBeNull();
  });

  it('reads FURROW_IMPORT_HEAP_MB: 256 by default, 0 for none, at least 64, and names it when it is no number of MB', () => {
    expect(cliImportHeapMb({})).toBe(256);
    expect(cliImportHeapMb({ FURROW_IMPORT_HEAP_MB: '512' })).toBe(512);
    expect(cliImportHeapMb({ FURROW_IMPORT_HEAP_MB: '10' })).toBe(64);
    expect(cliImportHeapMb({ FURROW_IMPORT_HEAP_MB: '0' })).toBeNull();
    expect(() => cliImportHeapMb({ FURROW_IMPORT_HEAP_MB: 'lots' })).toThrow(/FURROW_IMPORT_HEAP_MB/);
  });
});
