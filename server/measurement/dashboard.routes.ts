import type { App } from '../http/types.js';

export function registerDashboardRoutes(_app: App): void {}
