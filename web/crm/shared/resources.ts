// Moved to web/data/records.ts; this line stays only while the Home page's home-data.ts (being
// edited elsewhere) imports Page from here. Delete it when that import moves.
export type { Page } from '../../data/records';
