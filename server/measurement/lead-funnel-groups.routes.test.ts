// The funnel per lead group: GET /kpis/{id}?leadGroup= and the lead funnel dashboard break each
// figure down by source, campaign or agreement version, each group's figure the independent
// reference's for that group's leads alone, labelled by name, and the same from both paths.
import { expect, it } from 'vitest';
import { boundsOf, parsePeriodKey } from '../../lib/periods.js';
import { describeEngines } from '../test/test-env.js';
import { funnelFigures, loadFunnelData } from './testing/funnel-reference.js';
import { randomLeads } from './testing/random-leads.js';
import { recordsPath } from './testing/records-path.js';
import { dealsAt } from './testing/reference.js';

const STEPS = ['lead_mqls', 'mql_to_sal', 'sal_to_sql', 'sql_to_opportunity', 'opportunity_to_won', 'new_to_mql', 'lead_to_won_days', 'lead_revenue'];

describeEngines('the lead funnel per group', (env) => {
  it('gives each source’s, campaign’s and agreement version’s funnel, as the reference counts it', async () => {
    const h = await randomLeads(env(), 20261207, { days: 60 });
    // This history converts leads into deals and loses some; win a few of the open ones, so
    // velocity and revenue have won leads beside the lost ones to tell apart, in several groups.
    const converted = await env()
      .database.db.selectFrom('leads')
      .select('deal_id')
      .where('workspace_id', '=', h.w.id)
      .where('deal_id', 'is not', null)
      .execute();
    let wins = 0;
    for (const { deal_id } of converted) {
      const deal = (await h.w.as(h.w.admin).get(`/api/v1/deals/${deal_id}`)).body;
      if (deal.status !== 'open' || wins >= 4) continue;
      const res = await h.w.as(h.w.admin).patch(`/api/v1/deals/${deal_id}`, { version: deal.version, status: 'won', overrideReason: 'Test' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      wins++;
    }
    expect(wins).toBeGreaterThan(1);
    const data = await loadFunnelData(env().database.db, h.w.id);
    const period = parsePeriodKey('FY2026', 1);
    if (!period) throw new Error('a year');
    const range = { from: period.from, to: period.to, ...boundsOf(period, 'Europe/Berlin') };
    const keyOf = {
      source: (l: (typeof data.leads)[number]) => l.source,
      campaign: (l: (typeof data.leads)[number]) => l.campaign_id ?? '(none)',
      agreement: (l: (typeof data.leads)[number]) => l.agreement_id ?? '(none)',
    };
    const labels = new Set<string>();
    for (const group of ['source', 'campaign', 'agreement'] as const) {
      const res = await h.w.as(h.marketing).get(`/api/v1/dashboard/leads?period=FY2026&leadGroup=${group}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      let compared = 0;
      for (const f of res.body.figures) {
        if (!STEPS.includes(f.kpi.id)) continue;
        expect(f.breakdown, `${f.kpi.id} by ${group}`).not.toBeNull();
        // The whole is unchanged by asking for groups, and the same as the KPI API's answer.
        expect(f).toEqual((await h.w.as(h.marketing).get(`/api/v1/kpis/${f.kpi.id}?period=FY2026&leadGroup=${group}`)).body);
        expect(f.drill.numerator).toContain(`leadGroup=${group}`);
        for (const g of f.breakdown!) {
          const leads = data.leads.filter((l) => keyOf[group](l) === g.key);
          const ids = new Set(leads.map((l) => l.id));
          const only = {
            ...data,
            leads,
            transitions: data.transitions.filter((t) => ids.has(t.lead_id)),
            touches: data.touches.filter((t) => ids.has(t.lead_id)),
          };
          const want = funnelFigures(only, { range, at: env().clock.now, owners: null })[f.kpi.id] ?? null;
          if (want === null) expect(g.value, `${f.kpi.id} ${group} ${g.key}`).toBeNull();
          else expect(Math.abs(g.value! - want), `${f.kpi.id} ${group} ${g.key}: ${g.value} vs ${want}`).toBeLessThan(1e-9);
          labels.add(g.label);
          compared++;
        }
      }
      expect(compared, group).toBeGreaterThan(STEPS.length);
    }
    // Velocity and revenue count the leads whose deal is won, never one converted into a deal lost.
    const deals = dealsAt(data.deals, env().clock.now);
    const outcome = (l: (typeof data.leads)[number]) => (l.deal_id ? deals.get(l.deal_id)?.status : undefined);
    const lost = data.leads.filter((l) => outcome(l) === 'lost').map((l) => l.id);
    const won = data.leads.filter((l) => outcome(l) === 'won').map((l) => l.id);
    expect(lost.length).toBeGreaterThan(0);
    expect(won.length).toBeGreaterThan(1);
    for (const id of ['lead_revenue', 'lead_to_won_days']) {
      const fig = (await h.w.as(h.marketing).get(`/api/v1/kpis/${id}?period=FY2026`)).body;
      const rows = (await h.w.as(h.marketing).get(`${recordsPath(fig.drill.numerator)}&limit=200`)).body.items;
      expect(rows.map((r) => r.leadId).sort(), id).toEqual([...won].sort());
      expect(rows.every((r) => r.dealId === null)).toBe(true);
    }
    // Campaigns and agreement versions are named, not shown as ids.
    expect(labels).toContain('Summer webinar');
    expect(labels).toContain('No campaign');
    expect([...labels].some((l) => /^Agreement v\d+$/.test(l))).toBe(true);

    const plain = await h.w.as(h.marketing).get('/api/v1/kpis/mql_to_sal?period=FY2026');
    expect(plain.body.breakdown).toBeNull();
    const notLead = await h.w.as(h.w.admin).get('/api/v1/kpis/win_rate?period=FY2026&leadGroup=source');
    expect(notLead.status).toBe(400);
    expect(JSON.stringify(notLead.body.error?.details)).toContain('leadGroup');

    // A deal two leads name (an import links a second lead to an opportunity already won) counts
    // once: relink a lead whose deal was lost to a won lead's deal, and nothing is added.
    const [winner] = won;
    const [loser] = lost;
    if (!winner || !loser) throw new Error('a lead won and one lost');
    const ask = async (id: string) => (await h.w.as(h.marketing).get(`/api/v1/kpis/${id}?period=FY2026`)).body;
    const [revenueBefore, daysBefore] = [await ask('lead_revenue'), await ask('lead_to_won_days')];
    const dealOf = data.leads.find((l) => l.id === winner)?.deal_id as string;
    await env().database.db.updateTable('leads').set({ deal_id: dealOf }).where('id', '=', loser).execute();
    const want = funnelFigures(await loadFunnelData(env().database.db, h.w.id), { range, at: env().clock.now, owners: null });
    const [revenue, days] = [await ask('lead_revenue'), await ask('lead_to_won_days')];
    expect(revenue.value).toBe(revenueBefore.value);
    expect(revenue.count).toBe(revenueBefore.count);
    expect(want.lead_revenue).toBe(revenue.value);
    expect(days.count).toBe(daysBefore.count);
    expect(Math.abs(days.value! - (want.lead_to_won_days as number))).toBeLessThan(1e-9);
  }, 120_000);
});
