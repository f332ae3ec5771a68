// The discipline index and cramming by quarter on the worked example: every score is the catalogue
// KPI of the same scope and month (asked independently through the KPI API) × 100; a discipline
// without a KPI says so instead of a number; who may see which scopes.
import { expect, it } from 'vitest';
import { daysBetween } from '../../lib/calendar.js';
import { workedExample } from '../measurement/testing/worked-example.js';
import { describeEngines, variantWith } from '../test/test-env.js';

describeEngines('discipline index and cramming', (env) => {
  it('scores each discipline per month from the catalogue KPIs, with weights, inputs and what is not measured', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    // The people joined in the summer; Mia held one 1:1 with Ann in late October (logged today).
    const db = env().database.db;
    await db
      .updateTable('users')
      .set({ created_at: Date.UTC(2026, 6, 1) })
      .where('workspace_id', '=', x.w.id)
      .execute();
    const october28 = new Date(Date.UTC(2026, 9, 28, 10)).toISOString();
    const session = await x.w.as(x.mia).post('/api/v1/coaching-sessions', { coacheeId: x.ann.id, scheduledAt: october28, heldAt: october28 });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const res = await admin.get('/api/v1/discipline-index?year=FY2026');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = variantWith(res.body, 'months');
    expect(body.months).toHaveLength(12);
    expect(body.currentKey).toBe('2026-11');
    expect(body.disciplines.map((d) => d.key)).toEqual(['process', 'coaching', 'planning', 'measurement', 'alignment']);
    expect(body.disciplines.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 9);

    const team = body.scopes.find((s) => s.kind === 'team' && s.id === x.teamId);
    const cells = (key: string) => team!.disciplines.find((d) => d.key === key)!.cells;
    const october = body.months.findIndex((m) => m.key === '2026-10');
    const september = october - 1;
    const adherence = (await admin.get(`/api/v1/kpis/process_adherence?period=2026-10&scope=team&scopeId=${x.teamId}`)).body;
    expect(adherence.value).not.toBeNull();
    expect(cells('process')[october]?.score).toBe(Math.round(adherence.value! * 100));
    // December has not started: no score.
    expect(cells('process')[11]?.score).toBeNull();

    const kpis = new Set((await admin.get('/api/v1/kpis')).body.items.map((k) => k.id));
    for (const [key, ids] of [
      ['coaching', ['coaching_cadence_kept']],
      ['alignment', ['lead_accept_sla']],
    ] as const) {
      const info = body.disciplines.find((d) => d.key === key)!;
      expect(
        ids.some((id) => kpis.has(id)),
        key,
      ).toBe(true);
      expect(info.notMeasured).toBeNull();
      expect(info.input).toContain(ids[0]);
    }
    // Coaching is the cadence kept KPI of the team and month: Mia coaches Ann and Ben weekly, and
    // held a session with Ann only, a few days before the end of October.
    const coaching = (await admin.get(`/api/v1/kpis/coaching_cadence_kept?period=2026-10&scope=team&scopeId=${x.teamId}`)).body;
    expect(coaching).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    expect(cells('coaching')[october]?.score).toBe(50);
    expect(cells('coaching')[september]?.score).toBe(0);
    // November is in progress: scored so far (no session since 28 October, so cadence is not kept
    // now), but not judged as fading although it fell from October's 50 — a month is judged once it is over.
    const november = body.months.findIndex((m) => m.key === body.currentKey);
    expect(cells('coaching')[november]).toEqual({ score: 0, fading: false, belowStart: false, inProgress: true });
    expect(cells('coaching')[october]).toMatchObject({ score: 50, fading: false, inProgress: false });
    for (const d of team!.disciplines) expect(d.cells[november]?.inProgress).toBe(true);
    expect(team?.overall[november]).toMatchObject({ fading: false, inProgress: true });
    expect(team?.fading).not.toContain('coaching');
    // Overall: the weighted mean of what is measured that month.
    const weights = Object.fromEntries(body.disciplines.map((d) => [d.key, d.weight] as const));
    let sum = 0;
    let weight = 0;
    for (const d of team!.disciplines) {
      const s = d.cells[october]!.score;
      if (s !== null) {
        sum += s * weights[d.key]!;
        weight += weights[d.key]!;
      }
    }
    expect(team?.overall[october]?.score).toBe(weight ? Math.round(sum / weight) : null);
  });

  it('measures pipeline hygiene from history for every month and week, for the team and each of its people', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    const body = variantWith((await admin.get('/api/v1/discipline-index?year=FY2026')).body, 'months');
    const team = body.scopes.find((s) => s.id === x.teamId);
    const measurement = team!.disciplines.find((d) => d.key === 'measurement')!.cells;
    expect(body.disciplines.find((d) => d.key === 'measurement')!.input).toContain('pipeline_hygiene');
    // Every month so far is scored from history, each the catalogue KPI of that month (judged at its end).
    let scored = 0;
    for (const [i, m] of body.months.entries()) {
      if (i > body.months.findIndex((p) => p.key === body.currentKey)) {
        expect(measurement[i]?.score).toBeNull();
        continue;
      }
      const kpi = (await admin.get(`/api/v1/kpis/pipeline_hygiene?period=${m.key}&scope=team&scopeId=${x.teamId}`)).body;
      expect(measurement[i]?.score, m.key).toBe(kpi.value === null ? null : Math.round(kpi.value * 100));
      if (kpi.value !== null && i < 10) scored += 1;
    }
    expect(scored).toBeGreaterThan(0);

    // By week: the ISO weeks of the fiscal year, the team and each of its people, one a rep's own.
    const weekly = await admin.get(`/api/v1/discipline-index?year=FY2026&by=week&teamId=${x.teamId}`);
    expect(weekly.status, JSON.stringify(weekly.body)).toBe(200);
    const weeklyIndex = variantWith(weekly.body, 'periods');
    expect(weeklyIndex.by).toBe('week');
    expect(weeklyIndex.periods[0]?.key).toBe('2026-W01');
    expect(weeklyIndex.periods.length).toBeGreaterThanOrEqual(52);
    expect(weeklyIndex.currentKey).toMatch(/^2026-W\d\d$/);
    expect(weeklyIndex.scopes[0]).toMatchObject({ kind: 'team', id: x.teamId });
    const ann = weeklyIndex.scopes.find((s) => s.kind === 'rep' && s.id === x.ann.id);
    expect(ann).toBeDefined();
    const w = weeklyIndex.periods.findIndex((p) => p.key === '2026-W40');
    const week = weeklyIndex.periods[w]!;
    const annWeek = (await admin.get(`/api/v1/kpis/pipeline_hygiene?from=${week.from}&to=${week.to}&scope=rep&scopeId=${x.ann.id}`)).body;
    const cell = ann!.disciplines.find((d) => d.key === 'measurement')!.cells[w]!;
    expect(cell.score).toBe(annWeek.value === null ? null : Math.round(annWeek.value * 100));
    const process = (await admin.get(`/api/v1/kpis/process_adherence?from=${week.from}&to=${week.to}&scope=rep&scopeId=${x.ann.id}`)).body;
    expect(ann?.disciplines.find((d) => d.key === 'process')?.cells[w]?.score).toBe(process.value === null ? null : Math.round(process.value * 100));
  });

  it('gives the headline (?headline=true) as the full index has it for the same steps: last finished, the one before, in progress, and what drags it down', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    // Ann's 1:1 with Mia two weeks ago, so coaching scores differ week to week.
    const held = new Date(env().clock.now - 12 * 86_400_000).toISOString();
    expect((await x.w.as(x.mia).post('/api/v1/coaching-sessions', { coacheeId: x.ann.id, scheduledAt: held, heldAt: held })).status).toBe(201);
    const weights: Record<string, number> = {};
    let compared = 0;
    for (const query of [`by=week&teamId=${x.teamId}`, 'by=week', 'by=month', `by=week&userId=${x.ann.id}`]) {
      const full = await admin.get(`/api/v1/discipline-index?${query}`);
      const head = await admin.get(`/api/v1/discipline-index?${query}&headline=true`);
      expect(full.status, JSON.stringify(full.body)).toBe(200);
      expect(head.status, JSON.stringify(head.body)).toBe(200);
      expect(head.body).toMatchObject({ headline: true, by: full.body.by, currentKey: full.body.currentKey, fadePoints: full.body.fadePoints });
      expect(head.body).not.toHaveProperty('periods');
      const index = variantWith(full.body, 'periods');
      const headline = variantWith(head.body, 'headline');
      for (const d of index.disciplines) weights[d.key] = d.weight;
      const now = index.periods.findIndex((p) => p.key === index.currentKey);
      expect(now, query).toBeGreaterThan(1);
      expect(headline.scopes.map((s) => s.id)).toEqual(index.scopes.map((s) => s.id));
      for (const [i, scope] of index.scopes.entries()) {
        const h = headline.scopes[i];
        expect(h).not.toHaveProperty('disciplines');
        const at = (k: number) => ({ period: index.periods[k], score: scope.overall[k]!.score });
        expect(h?.current, `${query} ${scope.name}`).toEqual(at(now));
        expect(h?.latest, `${query} ${scope.name}`).toEqual(at(now - 1));
        expect(h?.previous, `${query} ${scope.name}`).toEqual(at(now - 2));
        const [a, b] = [scope.overall[now - 1]!.score, scope.overall[now - 2]!.score];
        expect(h?.change).toBe(a !== null && b !== null ? a - b : null);
        expect(h?.fading).toBe(scope.overall[now - 1]!.fading);
        // The drag: the measured discipline with the largest weight × (100 − score) last step.
        let worst: { key: string; score: number } | null = null;
        let cost = 0;
        for (const d of scope.disciplines) {
          const score = d.cells[now - 1]!.score;
          const lost = (weights[d.key] ?? 0) * (100 - (score ?? 100));
          if (score !== null && lost > cost) {
            cost = lost;
            worst = { key: d.key, score };
          }
        }
        expect(h?.drag === null ? null : { key: h!.drag!.key, score: h!.drag!.score }, `${query} ${scope.name}`).toEqual(worst);
        if (h!.latest!.score !== null) compared += 1;
      }
    }
    // Not a comparison of empty figures: most scopes are scored.
    expect(compared).toBeGreaterThan(3);
  });

  it('shows cramming by quarter over three years, the same as the KPI', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    const res = await admin.get('/api/v1/cramming?year=FY2026');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ws = res.body.scopes.find((s) => s.kind === 'workspace');
    expect(ws?.quarters).toHaveLength(12);
    expect(ws?.quarters[0]?.period.key).toBe('FY2024-Q1');
    const q4 = ws!.quarters.find((q) => q.period.key === 'FY2026-Q4');
    const kpi = (await admin.get('/api/v1/kpis/cramming_index?period=FY2026-Q4')).body;
    expect(q4?.value).toBe(kpi.value);
    expect(res.body.formula).toMatch(/last 14 days/);
  });

  it('draws the bookings curve inside each quarter of the year: won amount week by week, as the won deals say', async () => {
    const x = await workedExample(env());
    const res = await x.w.as(x.w.admin).get('/api/v1/cramming?year=FY2026');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ws = res.body.scopes.find((s) => s.kind === 'workspace');
    expect(ws?.curves.map((c) => c.period.key)).toEqual(['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4']);
    // Independently: the won deals of the workspace currency, by 7-day step from the quarter's first day.
    const { currency } = await x.w.ctx(x.w.admin).db.selectFrom('workspaces').select('currency').where('id', '=', x.w.id).executeTakeFirstOrThrow();
    const won = await x.w
      .ctx(x.w.admin)
      .db.selectFrom('deals')
      .select(['amount', 'close_date'])
      .where('workspace_id', '=', x.w.id)
      .where('status', '=', 'won')
      .where('currency', '=', currency)
      .where('deleted_at', 'is', null)
      .execute();
    let curves = 0;
    for (const curve of ws!.curves) {
      const { from, to } = curve.period;
      const expected = curve.weeks.map(() => 0);
      for (const d of won.filter((d) => d.close_date >= from && d.close_date <= to))
        expected[Math.floor(daysBetween(from, d.close_date) / 7)]! += Number(d.amount);
      expect(
        curve.weeks.map((w) => w.wonAmount),
        curve.period.key,
      ).toEqual(expected);
      expect(curve.weeks[0]?.from).toBe(from);
      expect(curve.weeks[curve.weeks.length - 1]?.to).toBe(to);
      const total = expected.reduce((a: number, b: number) => a + b, 0);
      let sum = 0;
      // A quarter in progress is drawn up to the week that holds today.
      const today = new Date(env().clock.now).toISOString().slice(0, 10);
      curve.weeks.forEach((w, i) => {
        sum += expected[i]!;
        const drawn = total > 0 && w.from <= today;
        expect(w.cumulativeShare, `${curve.period.key} week ${i + 1}`).toBe(!drawn ? null : i === curve.weeks.length - 1 ? 1 : sum / total);
      });
      if (total > 0) curves += 1;
    }
    // Not a comparison of empty quarters.
    expect(curves).toBeGreaterThan(0);
    // A team's curve counts its own people's deals only.
    const team = res.body.scopes.find((s) => s.kind === 'team' && s.id === x.teamId);
    const teamQ4 = team!.curves.find((c) => c.period.key === 'FY2026-Q4');
    const wsQ4 = ws!.curves.find((c) => c.period.key === 'FY2026-Q4');
    const sum = (c: NonNullable<typeof teamQ4>) => c.weeks.reduce((a, w) => a + w.wonAmount, 0);
    expect(sum(teamQ4!)).toBeLessThan(sum(wsQ4!));
  });

  it('gives managers their teams and their people, a rep their own index only', async () => {
    const x = await workedExample(env());
    const body = (await x.w.as(x.mia).get('/api/v1/discipline-index?year=FY2026')).body;
    expect(body.scopes.map((s) => s.id).sort()).toEqual([x.teamId, x.subTeamId].sort());
    const team = await x.w.as(x.mia).get(`/api/v1/discipline-index?year=FY2026&by=week&teamId=${x.subTeamId}`);
    expect(team.status, JSON.stringify(team.body)).toBe(200);
    expect(team.body.scopes.filter((s) => s.kind === 'rep').length).toBeGreaterThan(0);
    // A team the manager does not manage reads like one that does not exist.
    const other = await x.w.team('Elsewhere');
    expect((await x.w.as(x.mia).get(`/api/v1/discipline-index?teamId=${other}`)).status).toBe(404);
    const own = await x.w.as(x.ann).get('/api/v1/discipline-index?by=week');
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.scopes.map((s) => [s.kind, s.id])).toEqual([['rep', x.ann.id]]);
    expect((await x.w.as(x.ann).get(`/api/v1/discipline-index?teamId=${x.teamId}`)).status).toBe(403);
    expect((await x.w.as(await x.w.user('marketing')).get('/api/v1/discipline-index')).status).toBe(403);
    expect((await x.w.as(x.ann).get('/api/v1/cramming')).status).toBe(403);
    expect((await x.w.as(x.w.admin).get('/api/v1/cramming?year=26')).status).toBe(400);
  });
});
