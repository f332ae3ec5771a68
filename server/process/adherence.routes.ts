import type { App } from '../http/types.js';

export function registerAdherenceRoutes(_app: App): void {}
