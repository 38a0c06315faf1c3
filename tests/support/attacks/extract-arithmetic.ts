import type { SumRelation } from './interval-propagation.ts';
import type { Ledger } from './ledger.ts';
import type { ParquetRow } from './parquet-rows.ts';

/** The columns that name a breakdown group; the rest (but the count and `breakdown`) name the cell. */
const GROUP_COLUMNS = ['deprivation_quintile', 'ethnic_group', 'sex'] as const;
const BREAKDOWN_COLUMN: Record<string, (typeof GROUP_COLUMNS)[number]> = { deprivation: 'deprivation_quintile', ethnicity: 'ethnic_group', sex: 'sex' };
const COUNT_COLUMNS = ['doses', 'children'] as const;
/** Scoped files have practice rows; the attack reads borough rows, which tokens sum up from them. */
const FINER_COLUMNS = ['practice_code', 'pcn_code', 'week'] as const;

export interface ExtractCell {
  readonly base: string;
  readonly dimension: string;
  readonly group: string;
  readonly key: string;
  readonly count: number | null;
}

/**
 * The cells of an extract, keyed so that the same cell in two files (a borough cube and the public
 * extract it copies) is one count: the file's measure, the columns naming the cell, the breakdown
 * and the group. Practice-level rows (a token's files) are summed to boroughs; groups of one
 * dimension are also summed to their total, as the public files publish it.
 */
export function extractCells(rows: readonly ParquetRow[]): ExtractCell[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const measure = COUNT_COLUMNS.find((c) => columns.includes(c));
  if (!measure) return [];
  const finer = FINER_COLUMNS.some((c) => columns.includes(c));
  const baseColumns = columns.filter((c) => c !== measure && c !== 'breakdown' && !(GROUP_COLUMNS as readonly string[]).includes(c) && !(FINER_COLUMNS as readonly string[]).includes(c));
  const cells = new Map<string, ExtractCell>();
  const add = (base: string, dimension: string, group: string, count: number | null) => {
    const key = `extract|${measure}|${base}|${dimension}|${group}`;
    const known = cells.get(key);
    cells.set(key, { base, dimension, group, key, count: known ? (known.count === null || count === null ? null : known.count + count) : count });
  };
  for (const row of rows) {
    const base = baseColumns.map((c) => `${row[c]}`).join('|');
    const count = row[measure] as number | null;
    if (finer) {
      add(base, 'total', 'total', count);
      for (const c of GROUP_COLUMNS) if (c in row) add(base, c, `${row[c]}`, count);
      continue;
    }
    const dimension = typeof row.breakdown === 'string' ? BREAKDOWN_COLUMN[row.breakdown] : GROUP_COLUMNS.find((c) => row[c] !== null && row[c] !== undefined);
    if (dimension === undefined && row.breakdown !== undefined && row.breakdown !== 'total') continue;
    add(base, dimension ?? 'total', dimension ? `${row[dimension]}` : 'total', count);
  }
  return [...cells.values()];
}

/**
 * Extract arithmetic: in each file, a cell's total is the sum of its groups on each dimension the
 * file breaks it down by. A group with no row had no doses (a GROUP BY publishes no row for none).
 */
export function extractRelations(ledger: Ledger, cells: readonly ExtractCell[]): SumRelation[] {
  const groups = new Map<string, Set<string>>();
  const byBase = new Map<string, Set<string>>();
  for (const cell of cells) {
    if (cell.dimension === 'total') continue;
    groups.set(cell.dimension, (groups.get(cell.dimension) ?? new Set()).add(cell.group));
    byBase.set(cell.base, (byBase.get(cell.base) ?? new Set()).add(cell.dimension));
  }
  const prefix = cells[0] ? cells[0].key.split('|').slice(0, 2).join('|') : '';
  const relations: SumRelation[] = [];
  for (const [base, dims] of byBase) {
    const total = `${prefix}|${base}|total|total`;
    if (!ledger.exposure.has(total)) continue;
    for (const dimension of dims) {
      const parts = [...groups.get(dimension)!].map((g) => `${prefix}|${base}|${dimension}|${g}`);
      for (const key of parts) if (!ledger.exposure.has(key)) ledger.observe(key, 0);
      relations.push({ total, parts, source: `total = Σ ${dimension}` });
    }
  }
  return relations;
}
