// Kept only for the lead funnel drawer (web/alignment) and the coaching objectives, which were being
// edited in parallel when measurement moved onto web/data/: they switch to web/data/kpis and
// ./kpi-drill, then this file goes.
export { useKpiCatalogue, useKpiRecords } from '../data/kpis/kpis';
export { drillParts } from './kpi-drill';
