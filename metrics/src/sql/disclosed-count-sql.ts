/**
 * Primary disclosure control of a count as an SQL expression, the same rule as `suppressCount`:
 * 0 stays 0, 1 to 7 become NULL (not shown), 8 and above are rounded to the nearest 5. Counts are
 * integers, so none lies halfway between two multiples of 5.
 * @param count an SQL expression of an integer count ≥ 0 (an aggregate such as `count(*)`)
 * @example disclosedCountSql('count(*)') // "CASE WHEN count(*) BETWEEN 1 AND 7 THEN NULL ELSE (round(count(*) / 5) * 5)::INTEGER END"
 */
export function disclosedCountSql(count: string): string {
  return `CASE WHEN ${count} BETWEEN 1 AND 7 THEN NULL ELSE (round(${count} / 5) * 5)::INTEGER END`;
}
