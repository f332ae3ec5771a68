import type { App } from '../http/types.js';

export function registerContactRoutes(_app: App): void {}
