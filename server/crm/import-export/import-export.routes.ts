import type { App } from '../../http/types.js';

export function registerImportExportRoutes(_app: App): void {}
