// A KPI figure as a short text for agendas and explanations (percent, money in major units, days).
export function formatFigure(value: number, unit: string, currency = ''): string {
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'money':
      return `${Math.round(value / 100).toLocaleString('en-US')}${currency ? ` ${currency}` : ''}`;
    case 'money_per_day':
      return `${Math.round(value / 100).toLocaleString('en-US')}${currency ? ` ${currency}` : ''}/day`;
    case 'days':
      return `${value.toFixed(1)} days`;
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}
