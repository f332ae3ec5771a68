import type { App } from '../http/types.js';

export function registerQualificationRoutes(_app: App): void {}
