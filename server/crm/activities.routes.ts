import type { App } from '../http/types.js';

export function registerActivityRoutes(_app: App): void {}
