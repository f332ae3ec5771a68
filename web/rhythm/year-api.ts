// Kept only for Home's discipline card (web/home), which was being edited in parallel when the Year
// page moved onto web/data/: it switches to web/data/year, then this file goes.
export { useDisciplineHeadline } from '../data/year/year';
