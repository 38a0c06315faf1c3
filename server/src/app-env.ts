import type { AuditLevel } from './audit/audit-level.ts';
import type { AuditedWrite } from './audit/audit-log.ts';
import type { Caller } from './auth/caller.ts';
import type { OpenRelease } from './store/data-store.ts';

/**
 * Per-request variables every route can read: the release pinned for the whole request (and why it
 * is not the current one, if it is not), the verified caller, and the finest area level the answer
 * returned when the audit log records it, or the user data the request wrote.
 */
export interface AppEnv {
  Variables: { release: OpenRelease; degradation: string | null; caller: Caller; auditLevel: AuditLevel | undefined; auditWrite: AuditedWrite | undefined };
}
