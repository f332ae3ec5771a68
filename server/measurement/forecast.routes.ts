import type { App } from '../http/types.js';

export function registerForecastRoutes(_app: App): void {}
