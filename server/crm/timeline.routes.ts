import type { App } from '../http/types.js';

export function registerTimelineRoutes(_app: App): void {}
