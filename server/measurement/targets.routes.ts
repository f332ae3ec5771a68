import type { App } from '../http/types.js';

export function registerTargetRoutes(_app: App): void {}
