import { expect, it } from 'vitest';
import { describeEngines } from '../../test/test-env.js';
import { seedDemo } from '../demo-seed.js';

describeEngines('demo leads', (env) => {
  it('seeds a year of leads under two agreement versions with SLA misses and rejection reasons', async () => {
    const { workspaceId } = await seedDemo(env().database, { now: Date.UTC(2026, 10, 30, 12) });
    const db = env().database.db;
    const leads = await db
      .selectFrom('leads')
      .select(['status', 'agreement_id', 'rejection_reason', 'source'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    const agreements = await db.selectFrom('lead_agreements').select(['id', 'status']).where('workspace_id', '=', workspaceId).execute();
    expect(agreements.map((a) => a.status).sort()).toEqual(['in_force', 'superseded']);
    expect(leads.length).toBeGreaterThan(800);
    const byAgreement = new Set(leads.map((l) => l.agreement_id).filter(Boolean));
    expect(byAgreement.size).toBe(2);
    expect([...new Set(leads.map((l) => l.status))].sort()).toEqual(['accepted', 'mql', 'new', 'recycled', 'rejected', 'sql']);
    expect(new Set(leads.map((l) => l.source)).size).toBe(4);
    // Realistic misses: some decisions came after the agreed limit, most did not.
    const late = await db
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('accepted_at', 'is not', null)
      .where((eb) => eb('accepted_at', '>', eb('routed_at', '+', 3 * 86_400_000)))
      .executeTakeFirstOrThrow();
    expect(Number(late.n)).toBeGreaterThan(0);
  }, 120_000);
});
