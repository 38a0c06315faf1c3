import { SqlParams } from './sql-params.ts';
import type { SqlQuery } from './sql-query.ts';

/** A snapshot as the user-data file keeps it: a dashboard view (release pinned in it) and its release. */
export interface SnapshotRow {
  readonly id: string;
  readonly view: string;
  readonly release: string;
  /** ISO date-time, UTC. */
  readonly created_at: string;
}

/** Stores a snapshot; an id already taken stores nothing and returns no row (the caller draws another). */
export function insertSnapshotSql(row: SnapshotRow): SqlQuery {
  const p = new SqlParams();
  const text = `INSERT INTO snapshots (id, view, release, created_at) VALUES (${p.add(row.id)}, ${p.add(row.view)}, ${p.add(row.release)}, ${p.add(row.created_at)}) ON CONFLICT DO NOTHING RETURNING id`;
  return { text, params: p.values };
}

export function snapshotSql(id: string): SqlQuery {
  const p = new SqlParams();
  return { text: `SELECT id, view, release, created_at FROM snapshots WHERE id = ${p.add(id)}`, params: p.values };
}

