import type { App } from '../http/types.js';

export function registerKpiRoutes(_app: App): void {}
