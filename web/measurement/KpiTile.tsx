// A headline KPI: its value in its unit ("No data" when there is none), what it is made of, and its
// formula on hover or focus. The tile opens the KPI with the records behind it.
import { Paper, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { KpiResult } from '../../api/measurement';
import { counted, inSentence } from '../../lib/counted';
import { formatMoney } from '../app/format';
import { formatKpi, shownAs } from './kpi-format';

const number = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(n);
const NOUN: Record<string, string> = {
  closed: 'deals',
  created: 'deals',
  open_closing: 'open deals',
  activity: 'activities',
  move: 'stage moves',
  left_stage: 'stage stays',
  entered_stage: 'deals',
};
const shortLabel = (label: string) => label.replace(/\s*\(.*\)\s*$/, '');

/** One line under the value: the parts of a ratio, the records behind a sum, the mean beside a median. */
export function figureHint(r: KpiResult): string {
  const k = r.kpi;
  if (r.value === null) return r.noData ?? 'Nothing in the period';
  const money = (n: number) => formatMoney(Math.round(n), r.currency ?? 'EUR', { compact: true });
  if (k.unit === 'ratio' && r.numerator !== null && r.denominator !== null && k.denominatorLabel) {
    const part = (n: number) => (k.measure === 'value' ? money(n) : number(n));
    const of = inSentence(shortLabel(k.denominatorLabel)).replace(/^all /, '');
    // A multiple (coverage) compares two amounts; a share is a part of a whole.
    return shownAs(k.id, k.unit) === 'multiple'
      ? `${part(r.numerator)} open for ${part(r.denominator)} ${of}`
      : `${part(r.numerator)} of ${part(r.denominator)} ${of}`;
  }
  if (r.mean !== undefined && r.mean !== null)
    return `mean ${formatKpi(r.mean, k.id, k.unit, r.currency)} · ${counted(r.count, shortLabel(k.numeratorLabel), number)}`;
  const label = k.numeratorLabel.length > 28 ? (NOUN[k.basis] ?? 'records') : shortLabel(k.numeratorLabel);
  return counted(r.count, label, number);
}

interface Props {
  result: KpiResult;
  to: string;
  /** A name shorter than the KPI's own (the tile is narrow). */
  label?: string;
}

export function KpiTile({ result, to, label }: Props) {
  const k = result.kpi;
  const value = formatKpi(result.value, k.id, k.unit, result.currency, { compact: k.unit === 'money' || k.unit === 'money_per_day' });
  return (
    <Tooltip label={`Formula: ${k.formula}`} multiline w={300} withArrow openDelay={250} events={{ hover: true, focus: true, touch: false }}>
      <UnstyledButton component={Link} to={to} style={{ display: 'block' }} data-kpi={k.id}>
        <Paper withBorder radius="md" p="md" h="100%">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {label ?? k.name}
          </Text>
          <Text fz={26} fw={750} lh={1.2} mt={4} c={result.value === null ? 'dimmed' : undefined}>
            {value}
          </Text>
          <Text size="xs" c="dimmed" mt={2}>
            {figureHint(result)}
          </Text>
        </Paper>
      </UnstyledButton>
    </Tooltip>
  );
}
