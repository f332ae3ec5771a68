// The generator's histories must be possible ones: a reference computed from an impossible history
// (a deal won before it was created) agrees with the SQL for the wrong reason, or not at all.
import { expect, it } from 'vitest';
import { describeEngines } from '../../test/test-env.js';
import { randomHistory } from './random-history.js';

describeEngines('random history', (env) => {
  it('never closes a deal before it was created (seed 20261207)', async () => {
    const h = await randomHistory(env(), 20261207, { deals: 40 });
    const deals = await env().database.db.selectFrom('deals').selectAll().where('workspace_id', '=', h.w.id).execute();
    expect(deals.length).toBeGreaterThan(20);
    const impossible = deals.filter(
      (d) =>
        (d.closed_at !== null && Number(d.closed_at) < Number(d.created_at)) ||
        (d.status !== 'open' && d.close_date < new Date(Number(d.created_at)).toISOString().slice(0, 10)),
    );
    expect(impossible.map((d) => [d.name, d.status, d.close_date, new Date(Number(d.created_at)).toISOString(), d.closed_at])).toEqual([]);
  }, 120_000);
});
