import type { App } from '../http/types.js';

export function registerSearchRoutes(_app: App): void {}
