import { SqlParams } from './sql-params.ts';
import type { SqlQuery } from './sql-query.ts';

/** One annotation as the user-data file keeps it. */
export interface AnnotationRow {
  readonly id: string;
  readonly indicator_id: string;
  readonly area_code: string;
  readonly area_type: string;
  /** The area's ICB (the ICB itself for an ICB), null for London and England: whose `ics` tokens may write and read it. */
  readonly area_icb: string | null;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly text: string;
  readonly public: boolean;
  readonly author_subject: string | null;
  readonly author_role: 'ics' | 'region' | 'admin';
  readonly author_icb: string | null;
  /** ISO date-time, UTC. */
  readonly created_at: string;
}

const COLUMNS = 'id, indicator_id, area_code, area_type, area_icb, date, text, public, author_subject, author_role, author_icb, created_at';

export function insertAnnotationSql(row: AnnotationRow): SqlQuery {
  const p = new SqlParams();
  const values = [row.id, row.indicator_id, row.area_code, row.area_type, row.area_icb, row.date, row.text, row.public, row.author_subject, row.author_role, row.author_icb, row.created_at].map((v) => p.add(v));
  return { text: `INSERT INTO annotations (${COLUMNS}) VALUES (${values.join(', ')})`, params: p.values };
}

/**
 * Which annotations a reader may see, before the area check: every one (`all`), those of an ICB's
 * areas and the public ones (`icb`), or only the public ones (`public`).
 */
export type AnnotationReach = { readonly kind: 'all' } | { readonly kind: 'icb'; readonly icb: string } | { readonly kind: 'public' };

/** The annotations within reach, optionally of one indicator and one area, oldest date first (then oldest written). */
export function annotationsSql(reach: AnnotationReach, filter: { readonly indicatorId?: string; readonly areaCode?: string }): SqlQuery {
  const p = new SqlParams();
  const where: string[] = [];
  if (reach.kind === 'icb') where.push(`(area_icb = ${p.add(reach.icb)} OR public)`);
  if (reach.kind === 'public') where.push('public');
  if (filter.indicatorId !== undefined) where.push(`indicator_id = ${p.add(filter.indicatorId)}`);
  if (filter.areaCode !== undefined) where.push(`area_code = ${p.add(filter.areaCode)}`);
  const text = `SELECT ${COLUMNS} FROM annotations${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY date, created_at, id`;
  return { text, params: p.values };
}

export function annotationSql(id: string): SqlQuery {
  const p = new SqlParams();
  return { text: `SELECT ${COLUMNS} FROM annotations WHERE id = ${p.add(id)}`, params: p.values };
}

export function deleteAnnotationSql(id: string): SqlQuery {
  const p = new SqlParams();
  return { text: `DELETE FROM annotations WHERE id = ${p.add(id)}`, params: p.values };
}
