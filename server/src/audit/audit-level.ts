import type { AreaType } from '@pathfinder/metrics';

/** The finest area level an answer contained, when it is one the audit log records. */
export type AuditLevel = 'practice' | 'pcn';

/** The audit level after an answer also returned rows of `type`: practice beats PCN, aggregates add nothing. */
export function finerAuditLevel(current: AuditLevel | undefined, type: AreaType): AuditLevel | undefined {
  if (type === 'practice') return 'practice';
  if (type === 'pcn') return current ?? 'pcn';
  return current;
}
