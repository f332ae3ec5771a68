// The release's version, apart from app.ts so that `furrow --version` loads nothing else.
export const API_VERSION = '0.1.0';
