// furrow import leads: the lead import engine from the command line, with its progress and report,
// and a later export moving the leads on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { runCli } from './furrow.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const NOW = Date.UTC(2026, 10, 28, 10);

describe('furrow import leads', () => {
  let dir: string;
  let dbFile: string;
  const run = async (args: string[], stdin = '') => {
    const stdout = new Capture();
    const stderr = new Capture();
    const io: CliIo = {
      stdout,
      stderr,
      env: { NODE_ENV: 'test', DATABASE_URL: `sqlite:${dbFile}` },
      isTTY: false,
      now: () => NOW,
      readStdin: async () => stdin,
    };
    const code = await runCli(args, io);
    return { code, out: stdout.text, err: stderr.text };
  };
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n'));
    return path;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'furrow-cli-leads-'));
    dbFile = join(dir, 'furrow.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a Salesforce lead export with progress and the report, moves the leads on from a later one, and names bad rows', async () => {
    const admin = ['user', 'add', '--email', 'boss@acme.test', '--name', 'Bo Boss', '--role', 'admin', '--password-stdin', '--workspace-name', 'Acme Sales'];
    expect((await run(admin, 'correct horse battery\n')).code).toBe(0);
    const head = 'Lead ID,Last Name,Email,Company,Lead Status,Created Date,SQL Date';
    const march = file('march.csv', [
      head,
      '00Q1,Kilo,kim@kilo.example,Kilo,Open - Not Contacted,2026-03-02,',
      '00Q2,Lima,lou@lima.example,Lima,Working - Contacted,2026-03-05,',
    ]);

    const first = await run(['import', 'leads', march, '--workspace', 'acme-sales', '--preset', 'salesforce']);
    expect(first, first.err).toMatchObject({
      code: 0,
      out: expect.stringMatching(/Imported leads from .*march\.csv \(2 rows\): 2 created, 0 moved on or linked, 0 unchanged/),
    });
    expect(first.err).toContain('Lead Status → status');
    expect(first.err).toContain('checking 2/2 rows');
    expect(first.err).toContain('writing 2/2 rows');

    const june = file('june.csv', [
      head,
      '00Q1,Kilo,kim@kilo.example,Kilo,Qualified,2026-03-02,2026-06-10',
      '00Q2,Lima,lou@lima.example,Lima,Open - Not Contacted,2026-03-05,',
    ]);
    expect((await run(['import', 'leads', june, '--workspace', 'acme-sales', '--dry-run'])).out).toMatch(
      /would be 0 created, 1 moved on or linked, 1 unchanged/,
    );
    expect((await run(['import', 'leads', june, '--workspace', 'acme-sales'])).out).toMatch(/0 created, 1 moved on or linked, 1 unchanged/);
    const sqlite = new SQLite(dbFile, { readonly: true });
    try {
      const kim = sqlite.prepare("select status, sql_at from leads where email = 'kim@kilo.example'").get() as { status: string; sql_at: number };
      expect(kim).toEqual({ status: 'sql', sql_at: Date.parse('2026-06-10T12:00:00Z') });
      expect((sqlite.prepare("select status from leads where email = 'lou@lima.example'").get() as { status: string }).status).toBe('accepted');
    } finally {
      sqlite.close();
    }

    const bad = file('bad.csv', [head, '00Q3,Mike,max@mike.example,Mike,Sleeping,2026-03-02,']);
    const refused = await run(['import', 'leads', bad, '--workspace', 'acme-sales']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/line 2, status: "Sleeping" is not a lead status/);
    expect((await run(['import', 'leads', bad, '--map-value', 'status:Sleeping=recycled'])).out).toMatch(/1 created/);

    const pipedrive = await run(['import', 'leads', bad, '--preset', 'pipedrive']);
    expect(pipedrive).toMatchObject({ code: 2, err: expect.stringContaining('--preset must be one of salesforce, hubspot, furrow for leads') });
    expect((await run(['import-fields', 'leads'])).out).toMatch(/dealExternalId\s+Deal External ID/);
  });
});
