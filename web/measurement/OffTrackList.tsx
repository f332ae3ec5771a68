// Home's "expectations off track": the amber and red ones the reader can see, worst first, each
// opening its KPI for the expectation's scope and period.
import type { ExpectationList } from '../../api/measurement-targets';
import { useExpectations } from '../data/expectations/expectations';
import { AttentionList } from '../home/AttentionList';
import { expectationLink, StatusBadge } from './ExpectationsTable';
import { formatKpi } from './kpi-format';

export function OffTrackList() {
  const list = useExpectations('off_track');
  const f = (e: ExpectationList['items'][number], v: number | null) => formatKpi(v, e.kpiId, e.unit, e.currency, { compact: e.unit === 'money' });
  return (
    <AttentionList
      id="home-expectations"
      title="Expectations off track"
      why="KPIs below the level someone is expected to keep. Open one to see the records behind it."
      tone="red"
      loading={list.isPending}
      error={list.error}
      items={list.data?.slice(0, 6).map((e) => ({
        key: e.id,
        to: expectationLink(e),
        title: `${e.kpiName} · ${e.scopeName}`,
        detail: `${f(e, e.current.projected ?? e.current.value)}${e.current.projected !== null ? ' on pace' : ''} against ${f(e, e.target)} · ${e.current.period.label}`,
        aside: <StatusBadge status={e.current.status} />,
      }))}
      total={list.data?.length}
      allLink="/expectations?status=off_track"
      emptyText="Every expectation is on track or has no data yet."
    />
  );
}
