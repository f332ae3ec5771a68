// The real `furrow` program, run in process against a temporary SQLite file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, explainSystemError } from './cli-io.js';
import { DEMO_ADMIN } from './demo/org.js';
import { runCli } from './furrow.js';

interface Run {
  code: number;
  out: string;
  err: string;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const PASSWORD = 'correct horse battery';
const NOW = Date.UTC(2026, 10, 28, 10);

describe('furrow CLI', () => {
  let dir: string;
  let dbFile: string;

  const run = async (args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<Run> => {
    const stdout = new Capture();
    const stderr = new Capture();
    const io: CliIo = {
      stdout,
      stderr,
      env: { NODE_ENV: 'test', DATABASE_URL: `sqlite:${dbFile}`, ...options.env },
      isTTY: false,
      now: () => NOW,
      readStdin: async () => options.stdin ?? '',
    };
    const code = await runCli(args, io);
    return { code, out: stdout.text, err: stderr.text };
  };
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'furrow-cli-'));
    dbFile = join(dir, 'furrow.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, creates the first workspace and admin, then users and teams', async () => {
    expect(await run(['migrate'])).toMatchObject({ code: 0, out: expect.stringContaining('applied 2026-11-28-01-core') });
    expect((await run(['migrate'])).out).toBe('The schema is up to date.\n');

    const early = await run(['user', 'add', '--email', 'rep@acme.test', '--name', 'Rae Rep', '--role', 'rep', '--password', PASSWORD]);
    expect(early.code).toBe(2);
    expect(early.err).toMatch(/No workspace yet.*--workspace-name/);

    const first = await run(
      [
        'user',
        'add',
        '--email',
        'Boss@Acme.test',
        '--name',
        'Bo Boss',
        '--role',
        'admin',
        '--password-stdin',
        '--workspace-name',
        'Acme Sales',
        '--currency',
        'EUR',
      ],
      { stdin: `${PASSWORD}\n` },
    );
    expect(first).toMatchObject({ code: 0, out: 'Created workspace "Acme Sales" (acme-sales) with admin boss@acme.test\n' });

    expect((await run(['user', 'add', '--email', 'mia@acme.test', '--name', 'Mia Manager', '--role', 'manager', '--password', PASSWORD])).code).toBe(0);
    expect(await run(['team', 'add', '--name', 'Field', '--manager', 'mia@acme.test'])).toMatchObject({
      code: 0,
      out: 'Added team Field, run by mia@acme.test\n',
    });
    expect((await run(['team', 'add', '--name', 'Enterprise', '--parent', 'Field'])).out).toBe('Added team Enterprise below Field\n');
    const rep = await run([
      'user',
      'add',
      '--email',
      'rae@acme.test',
      '--name',
      'Rae Rep',
      '--role',
      'rep',
      '--password',
      PASSWORD,
      '--manager',
      'mia@acme.test',
    ]);
    expect(rep).toMatchObject({ code: 0, out: 'Added rae@acme.test  Rae Rep  rep  team Field to acme-sales\n' });
    expect(
      (await run(['user', 'add', '--email', 'ray@acme.test', '--name', 'Ray Rep', '--role', 'rep', '--password', PASSWORD, '--team', 'enterprise'])).code,
    ).toBe(0);

    const list = await run(['user', 'list']);
    expect(list.out.split('\n')[0]).toMatch(/^EMAIL\s+NAME\s+ROLE\s+TEAM\s+STATUS$/);
    expect(list.out).toMatch(/rae@acme\.test\s+Rae Rep\s+rep\s+Field\s+active/);
    expect((await run(['team', 'list'])).out).toMatch(/Enterprise\s+Field\s+1/);
  });

  it('works on a fresh database without a separate migrate step (user add, team add)', async () => {
    const fresh = join(dir, 'fresh.db');
    const env = { DATABASE_URL: `sqlite:${fresh}` };
    const first = await run(
      ['user', 'add', '--role', 'admin', '--workspace-name', 'Fresh Co', '--email', 'boss@fresh.test', '--name', 'Boss', '--password', PASSWORD],
      { env },
    );
    expect(first).toMatchObject({ code: 0, out: expect.stringContaining('Created workspace "Fresh Co"') });
    expect(first.err).toContain('Brought the database schema up to date');
    expect(first.err).not.toMatch(/Unexpected|at \S+ \(/);
    const team = await run(['team', 'add', '--name', 'North'], { env });
    expect(team).toMatchObject({ code: 0, out: 'Added team North\n', err: '' });
  });

  it('shows and sets the workspace settings, naming a bad option', async () => {
    const fresh = join(dir, 'settings.db');
    const env = { DATABASE_URL: `sqlite:${fresh}` };
    await run(['user', 'add', '--role', 'admin', '--workspace-name', 'Set Co', '--email', 'boss@set.test', '--name', 'Boss', '--password', PASSWORD], { env });
    const set = await run(['workspace', 'set', '--currency', 'eur', '--timezone', 'Europe/Berlin', '--fiscal-year-start', 'April'], { env });
    expect(set).toMatchObject({ code: 0, out: 'Workspace set-co: EUR, Europe/Berlin, fiscal year starts in April\n' });
    const show = await run(['workspace', 'show'], { env });
    expect(show.out).toMatch(/fiscal year starts\s+April/);
    expect(show.out).toMatch(/timezone\s+Europe\/Berlin/);
    expect(await run(['workspace', 'set', '--fiscal-year-start', '13'], { env })).toMatchObject({
      code: 2,
      err: expect.stringContaining('--fiscal-year-start'),
    });
    expect(await run(['workspace', 'set', '--timezone', 'Mars/Olympus'], { env })).toMatchObject({ code: 2, err: expect.stringContaining('timezone') });
    expect(await run(['workspace', 'set'], { env })).toMatchObject({ code: 2, err: expect.stringContaining('Nothing to change') });
  });

  it('imports people (users and teams) from a CSV, with the initial password on stdin, re-runnably', async () => {
    const fresh = join(dir, 'people.db');
    const env = { DATABASE_URL: `sqlite:${fresh}` };
    await run(['user', 'add', '--role', 'admin', '--workspace-name', 'People Co', '--email', 'boss@people.test', '--name', 'Boss', '--password', PASSWORD], {
      env,
    });
    const sheet = file(
      'people.csv',
      'name,email,role,team,parent team,manager\nMia,mia@people.test,manager,East,Field,boss@people.test\nRay,ray@people.test,rep,East,,mia@people.test\n',
    );
    const refused = await run(['import', 'people', sheet], { env });
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('line 2, --password-stdin: 2 new users need an initial password') });
    const done = await run(['import', 'people', sheet, '--password-stdin'], { env, stdin: 'first day password\n' });
    expect(done).toMatchObject({ code: 0, out: expect.stringContaining('teams 2 created, 0 updated, 0 unchanged; users 2 created, 0 updated, 0 unchanged') });
    expect((await run(['team', 'list'], { env })).out).toMatch(/East\s+Field\s+mia@people.test\s+2/);
    const again = await run(['import', 'people', sheet], { env });
    expect(again.out).toContain('teams 0 created, 0 updated, 2 unchanged; users 0 created, 0 updated, 2 unchanged');
  });

  it('rejects bad input with every problem and exit code 2', async () => {
    const bad = await run(['user', 'add', '--email', 'nope', '--name', 'X', '--role', 'rep', '--password', 'short']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--email must match format "email"');
    expect(bad.err).toContain('--password must not have fewer than 10 characters');
    expect((await run(['user', 'add', '--email', 'x@acme.test', '--name', 'X', '--role', 'ceo', '--password', PASSWORD])).err).toMatch(/--role must be one of/);
    expect((await run(['user', 'add', '--email', 'x@acme.test', '--name', 'X', '--role', 'rep', '--password', PASSWORD, '--team', 'Nowhere'])).err).toMatch(
      /--team: no team "Nowhere" \(teams: Enterprise, Field\)/,
    );
    expect((await run(['team', 'add'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['import', 'widgets', 'x.csv'])).err).toMatch(/<entity> must be one of accounts, contacts, deals, activities/);
    expect((await run(['import', 'deals', join(dir, 'missing.csv')])).err).toMatch(/no such file/);
    expect((await run(['migrate', '--to-zero'])).err).toMatch(/add --yes/);
    expect(await run(['--version'])).toMatchObject({ code: 0, out: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    expect((await run(['import', '--help'])).out).toMatch(/--preset <name>/);
  });

  it('prints every configuration problem', async () => {
    const res = await run(['migrate'], { env: { DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', PORT: 'eighty' } });
    expect(res.code).toBe(1);
    expect(res.err).toContain('The configuration has problems:');
    expect(res.err).toContain('DATABASE_URL must be');
    expect(res.err).toContain('PORT must be an integer');
    expect(res.err).toContain('LOG_LEVEL must be one of');
  });

  it('says plainly when the database cannot be reached, without a stack trace or the password', async () => {
    const res = await run(['migrate'], { env: { DATABASE_URL: 'postgres://furrow:s3cret-pw@127.0.0.1:1/furrow' } });
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^Cannot reach the database \(.*ECONNREFUSED.*\): check DATABASE_URL/);
    expect(res.err).not.toContain('s3cret-pw');
    expect(res.err).not.toContain('    at ');
  });

  it('explains a port that is taken', () => {
    const taken = Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:3000'), { code: 'EADDRINUSE', syscall: 'listen', port: 3000 });
    expect(explainSystemError(taken)).toBe('Port 3000 is already in use by another program: stop it, or set PORT to a free port.');
    expect(explainSystemError(new Error('boom'))).toBeNull();
  });

  it('imports, re-imports without duplicates, and exports what the user may see', async () => {
    const accounts = file(
      'companies.csv',
      'Company name,Company Domain Name,Company owner,Record ID\nAcme Corp,acme.example,Rae Rep,501\nGlobex,globex.example,ray@acme.test,502\n',
    );
    const imported = await run(['import', 'accounts', accounts]);
    expect(imported).toMatchObject({
      code: 0,
      out: expect.stringMatching(/Imported accounts from .*companies\.csv \(2 rows\): 2 created, 0 updated, 0 unchanged/),
    });
    expect(imported.err).toContain('Columns: Company name → name, Company Domain Name → domain, Company owner → owner, Record ID → externalId');
    expect(imported.err).toContain('checking 2/2 rows');

    const deals = file(
      'deals.csv',
      [
        'Opportunity Name,Account Name,Amount,Close Date,Stage,Opportunity Owner,Created Date',
        'Acme rollout,Acme Corp,"€12,500",15/03/2026,Closed Won,Rae Rep,10/01/2026',
        'Globex pilot,Globex,8000,30/12/2026,Discovery,Ray Rep,20/02/2026',
      ].join('\n'),
    );
    expect((await run(['import', 'deals', deals, '--dry-run'])).out).toMatch(/Dry run .*would be 2 created.*Nothing was written/);
    expect((await run(['import', 'deals', deals, '--preset', 'salesforce'])).out).toMatch(/2 created/);
    expect((await run(['import', 'deals', deals])).out).toMatch(/0 created, 0 updated, 2 unchanged/);

    // A rep may only import their own deals; the refusal names the line and nothing is written.
    const refused = await run(['import', 'deals', deals, '--as', 'rae@acme.test', '--map', 'Opportunity Name=name']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/line 3, owner: you can only import records you own \(not ray@acme\.test\)/);

    // --historical: the "Date entered" columns are read as the deal's stage history (decision 0180).
    const history = file(
      'hubspot-deals.csv',
      'Deal Name,Deal Stage,Close Date,Amount,Date entered Discovery,Date entered Proposal\nInitech,Proposal,2026-12-31,5000,2026-03-02,2026-04-10\n',
    );
    const historical = await run(['import', 'deals', history, '--historical', '--dry-run']);
    expect(historical.out).toMatch(/would be 1 created/);
    expect(historical.out + historical.err).toMatch(/Stage history from 2 "Date entered" columns: Discovery, Proposal/);
    const plain = file('plain-deals.csv', 'Deal Name,Deal Stage,Close Date,Amount\nInitech,Proposal,2026-12-31,5000\n');
    const stages = file('stage-history.csv', 'Deal,Stage,Entered At\nInitech,Discovery,2026-03-02\nInitech,Proposal,2026-04-10\n');
    const withFile = await run(['import', 'deals', plain, '--historical', '--stage-history', stages, '--dry-run']);
    expect(withFile.out).toMatch(/would be 1 created/);
    expect(withFile.out + withFile.err).toMatch(/Stage history from the stage history file: 2 dated stages of 1 deal/);
    expect((await run(['import', 'deals', plain, '--historical', '--stage-history', join(dir, 'nope.csv')])).err).toMatch(
      /Cannot read .*nope\.csv: no such file/,
    );

    const bad = file('bad.csv', 'Name,Close Date,Amount\nOne,2026-12-01,ten\nTwo,someday,5\n');
    const badRun = await run(['import', 'deals', bad]);
    expect(badRun.code).toBe(1);
    expect(badRun.err).toMatch(/2 problems; nothing was imported/);
    expect(badRun.err).toMatch(/line 2, amount: "ten" is not an amount/);
    expect(badRun.err).toMatch(/line 3, closeDate: "someday" is not a date/);
    expect((await run(['import', 'deals', bad, '--map', 'Nope=name'])).err).toMatch(/mapping\.Nope: the file has no column "Nope"/);

    const out = join(dir, 'deals-export.csv');
    const exported = await run(['export', 'deals', '--out', out]);
    expect(exported).toMatchObject({ code: 0, err: `Exported 2 deals to ${out}\n` });
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toBe(
      '\uFEFFId,Name,Account Id,Account,Contact Id,Contact,Owner,Pipeline,Stage,Status,Amount,Currency,Close Date,Closed At,Lost Reason,Source,Campaign,Next Step,External ID,Created At',
    );
    expect(csv).toContain('Acme rollout');
    const asRep = await run(['export', 'deals', '--as', 'rae@acme.test']);
    expect(asRep.out).toContain('Acme rollout');
    expect(asRep.out).not.toContain('Globex pilot');
    expect(asRep.err).toBe('Exported 1 deals\n');
    // The export imports back as it is: every row matched, nothing changed.
    expect((await run(['import', 'deals', out])).out).toMatch(/0 created, 0 updated, 2 unchanged/);
  });

  it('disables and enables users, but never the last admin', async () => {
    expect((await run(['user', 'disable', 'rae@acme.test'])).out).toBe('rae@acme.test is now disabled (sessions and tokens ended)\n');
    expect((await run(['user', 'list'])).out).toMatch(/rae@acme\.test\s+Rae Rep\s+rep\s+Field\s+disabled/);
    expect((await run(['user', 'enable', 'rae@acme.test'])).out).toBe('rae@acme.test is now active\n');
    const last = await run(['user', 'disable', 'boss@acme.test']);
    expect(last).toMatchObject({ code: 1, err: expect.stringMatching(/only active admin/) });
  });

  it('refuses to seed a second demo workspace and checks --scale', async () => {
    expect((await run(['seed', '--scale', 'lots'])).err).toMatch(/--scale must be a whole number above 0/);
    // A workspace whose admin has the demo address stands in for a seeded demo.
    await run(['user', 'add', '--role', 'admin', '--email', DEMO_ADMIN.email, '--name', 'Demo', '--password', PASSWORD, '--workspace-name', 'Furrow Demo']);
    const again = await run(['seed']);
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/demo workspace exists already.*--force replaces it/) });
  });

  it('backs up the live SQLite database to a valid file, and prints pg_dump for PostgreSQL', async () => {
    const target = join(dir, 'backup.db');
    const res = await run(['backup', target]);
    expect(res).toMatchObject({ code: 0, out: expect.stringMatching(/^Backed up .* to .*backup\.db \(\d+ pages\)\n$/) });
    expect(res.err).toContain('backup 100%');
    const copy = new SQLite(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('select count(*) as n from deals').get()).toEqual({ n: 2 });
    } finally {
      copy.close();
    }
    expect((await run(['backup', target])).err).toMatch(/exists; .*--force/);

    const pg = await run(['backup', '/backups/furrow.dump'], { env: { DATABASE_URL: 'postgres://furrow:s3cret@db.internal:5432/furrow' } });
    expect(pg.code).toBe(2);
    expect(pg.out).toContain('pg_dump --format=custom --file=/backups/furrow.dump postgres://furrow@db.internal:5432/furrow');
    expect(pg.out).not.toContain('s3cret');
  });

  it('lists the import fields with the workspace’s custom deal fields, and imports and exports their columns', async () => {
    const sqlite = new SQLite(dbFile);
    const ws = sqlite.prepare('select id, slug from workspaces order by created_at limit 1').get() as { id: string; slug: string };
    sqlite
      .prepare(
        `insert into custom_fields (id, workspace_id, entity, key, label, type, options, position, created_at, archived_at)
         values ('01900000-0000-7000-8000-00000000c0f1', ?, 'deal', 'segment', 'Segment', 'select', '["SMB","Enterprise"]', 0, ?, null)`,
      )
      .run(ws.id, NOW);
    sqlite.close();
    const listed = await run(['import-fields', 'deals', '--workspace', ws.slug]);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^FIELD\s+LABEL\s+TYPE\s+REQUIRED$/m);
    expect(listed.out).toMatch(/^name\s+Name\s+text\s+yes$/m);
    expect(listed.out).toMatch(/^custom\.segment\s+Segment\s+select \(SMB, Enterprise\)\s*$/m);
    expect((await run(['import-fields', 'accounts', '--workspace', ws.slug])).out).not.toContain('custom.');

    const deals = file('segments.csv', 'Name,Close Date,Segment\nSegmented,2026-12-01,Enterprise\nMistyped,2026-12-01,Huge\n');
    const bad = await run(['import', 'deals', deals, '--workspace', ws.slug]);
    expect(bad).toMatchObject({ code: 1, err: expect.stringContaining('line 3, custom.segment: Segment must be one of: SMB, Enterprise (got "Huge")') });
    const good = file('segments-ok.csv', 'Name,Close Date,Segment\nSegmented,2026-12-01,Enterprise\n');
    expect((await run(['import', 'deals', good, '--workspace', ws.slug])).out).toMatch(/1 created/);
    const exported = await run(['export', 'deals', '--workspace', ws.slug]);
    expect(exported.out.split('\n')[0]).toMatch(/,Created At,Segment$/);
    expect(exported.out).toMatch(/Segmented,.*,Enterprise\r?\n/);
  });
  it('shows where each stage value goes, saves the mapping a dry run used, and imports the next file with --mapping', async () => {
    const deals = file('old-crm.csv', ['Opportunity ID,Amount,Close Date,Stage', 'OPP-71,100,2026-12-01,Engaging', 'OPP-72,200,2026-11-01,won'].join('\n'));
    const unmapped = await run(['import', 'deals', deals, '--dry-run', '--map', 'Opportunity ID=name+externalId', '--workspace', 'acme-sales']);
    expect(unmapped.code, unmapped.err).toBe(1);
    expect(unmapped.err).toContain('Values of stage: Engaging → ? (no match), won → Closed Won (proposed)');
    expect(unmapped.err).toMatch(/map the others with --map-value "stage:Value=…" \(one of Qualify, Discovery/);

    const saved = await run([
      'import',
      'deals',
      deals,
      '--dry-run',
      '--map',
      'Opportunity ID=name+externalId',
      '--map-value',
      'stage:Engaging=Discovery',
      '--save-mapping',
      'Old CRM',
      '--workspace',
      'acme-sales',
    ]);
    expect(saved).toMatchObject({ code: 0, out: expect.stringMatching(/would be 2 created/) });
    expect(saved.err).toContain('Saved the mapping as "Old CRM" (use it with --mapping "Old CRM")');

    const imported = await run(['import', 'deals', deals, '--mapping', 'old crm', '--workspace', 'acme-sales']);
    expect(imported).toMatchObject({ code: 0, out: expect.stringMatching(/2 created/) });
    expect(imported.err).toContain('Values of stage: Engaging → Discovery, won → Closed Won (proposed)');
    const missing = await run(['import', 'deals', deals, '--mapping', 'Nope', '--workspace', 'acme-sales']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no saved deals mapping is named "Nope"');
  });
});
