// Pure: forecast accuracy and bias (PRODUCT.md): accuracy = 1 − |actual − forecast| ÷ actual,
// bias = (forecast − actual) ÷ actual. Nothing won makes both "no data". Accuracy falls below 0
// when the call was more than twice what was won; it is reported as computed, not clamped.

export function accuracyOf(actual: number, forecast: number): { accuracy: number | null; bias: number | null } {
  if (!(actual > 0)) return { accuracy: null, bias: null };
  return { accuracy: 1 - Math.abs(actual - forecast) / actual, bias: (forecast - actual) / actual };
}

/** The last call of each week, oldest week first (rows may come in any order). */
export function lastPerWeek<T extends { week_start: string; submitted_at: number; id: string }>(rows: readonly T[]): T[] {
  const byWeek = new Map<string, T>();
  for (const r of rows) {
    const kept = byWeek.get(r.week_start);
    if (!kept || Number(r.submitted_at) > Number(kept.submitted_at) || (Number(r.submitted_at) === Number(kept.submitted_at) && r.id > kept.id))
      byWeek.set(r.week_start, r);
  }
  return [...byWeek.values()].sort((a, b) => a.week_start.localeCompare(b.week_start));
}
