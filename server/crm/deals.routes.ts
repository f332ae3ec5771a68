import type { App } from '../http/types.js';

export function registerDealRoutes(_app: App): void {}
