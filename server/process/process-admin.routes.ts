import type { App } from '../http/types.js';

export function registerProcessAdminRoutes(_app: App): void {}
