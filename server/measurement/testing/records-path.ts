// KPI drill paths (KpiResult.drill, a coaching suggestion's recordsUrl) are plain strings in api/; the
// tests follow them through the typed client, which needs the route's template to type the page.

/** A KPI records route, as the typed test client matches it. */
export type KpiRecordsPath = `/api/v1/kpis/${string}/records?${string}`;

/** A drill path as the KPI records route it names, so the client types the page; throws on any other path. */
export function recordsPath(path: string): KpiRecordsPath {
  const match = /^\/api\/v1\/kpis\/([^/?]+)\/records\?(.*)$/s.exec(path);
  if (!match) throw new Error(`not a KPI records path: ${path}`);
  return `/api/v1/kpis/${match[1]}/records?${match[2]}`;
}
