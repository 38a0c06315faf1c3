export { createApp, type AppDeps, type AppType } from './app.ts';
export { DuckDbStore, type DataStore, type OpenRelease } from './store/duckdb-store.ts';
export { webAssets } from './http/web-assets.ts';
export { startServer } from './http/start-server.ts';
export { issueToken } from './auth/issue-token.ts';
export { ROLES, type Role, type Caller } from './auth/caller.ts';
export { localTokenSecret, TOKEN_SECRET_FILE } from './auth/local-token-secret.ts';
export { openOidcVerifier, type OidcVerifier } from './auth/oidc-verifier.ts';
export type { AuditEntry } from './audit/audit-log.ts';
