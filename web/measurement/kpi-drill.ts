// Which record lists a KPI figure opens, read from the drill links the server gives with it.
import type { DrillPart, KpiDefinition, KpiResult } from '../../api/measurement';

/** The parts of a figure that list records: numerator and denominator, or every record behind a median. */
export function drillParts(result: Pick<KpiResult, 'drill'>, kpi: KpiDefinition): { part: DrillPart; label: string }[] {
  const partOf = (path: string) => (new URLSearchParams(path.split('?')[1] ?? '').get('part') ?? 'numerator') as DrillPart;
  const first = partOf(result.drill.numerator);
  const parts = [{ part: first, label: kpi.numeratorLabel }];
  // A mean lists the same records on both sides (days over deals): one tab says it.
  if (result.drill.denominator && kpi.denominatorLabel && kpi.denominatorLabel !== kpi.numeratorLabel)
    parts.push({ part: partOf(result.drill.denominator), label: kpi.denominatorLabel });
  return parts;
}
