import { campaignKey, type ProgressBody } from './answer-cells.ts';
import type { SumRelation } from './interval-propagation.ts';
import type { Ledger } from './ledger.ts';

const day = (iso: string, offset: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

export interface SlidingModel {
  readonly relations: SumRelation[];
  /** Each area's (and group's) daily doses: what sliding `asOf` goes after. */
  readonly dailyTargets: string[];
}

/**
 * Campaign `asOf` sliding: every answer's intervals end on `asOf`, so answers for consecutive days
 * publish the cumulative count at the end of every day. The attacker links them: the cumulative at
 * a day is the one the day before plus that day's doses, an interval's doses are its end's
 * cumulative minus the one before its start, nobody is counted before the opening, and an area's
 * groups add up to its total.
 */
export function slidingModel(ledger: Ledger, answers: readonly ProgressBody[]): SlidingModel {
  const relations: SumRelation[] = [];
  const dailyTargets: string[] = [];
  const series = new Map<string, { campaign: string; area: string; group: string | null; opens: string; last: string }>();
  const groupsOf = new Map<string, Set<string>>();
  for (const body of answers) {
    for (const row of body.rows) {
      const id = `${body.campaign.id}|${row.areaCode}|${row.group ?? 'total'}`;
      const last = row.series.at(-1)?.date ?? body.asOf;
      const known = series.get(id);
      series.set(id, { campaign: body.campaign.id, area: row.areaCode, group: row.group, opens: body.campaign.opens, last: known && known.last > last ? known.last : last });
      if (row.group !== null) {
        const area = `${body.campaign.id}|${row.areaCode}`;
        groupsOf.set(area, (groupsOf.get(area) ?? new Set()).add(row.group));
      }
      for (const p of row.series) {
        if (p.from === p.date) continue;
        const key = (what: string) => campaignKey(body.campaign.id, row.areaCode, row.group, what);
        relations.push({ total: key(`cumulative@${p.date}`), parts: [key(`cumulative@${day(p.from, -1)}`), key(`doses@${p.from}..${p.date}`)], source: 'interval = Δ cumulative' });
      }
    }
  }
  const lastDay = new Map<string, string>();
  for (const { campaign, area, group, opens, last } of series.values()) {
    const key = (what: string) => campaignKey(campaign, area, group, what);
    ledger.observe(key(`cumulative@${day(opens, -1)}`), 0);
    for (let d = opens; d <= last; d = day(d, 1)) {
      const doses = key(`doses@${d}..${d}`);
      ledger.unpublished(doses);
      dailyTargets.push(doses);
      relations.push({ total: key(`cumulative@${d}`), parts: [key(`cumulative@${day(d, -1)}`), doses], source: 'day = Δ cumulative' });
    }
    if (group === null) lastDay.set(`${campaign}|${area}`, last);
  }
  for (const [area, groups] of groupsOf) {
    const [campaign, code] = area.split('|') as [string, string];
    const last = lastDay.get(area);
    const opens = [...series.values()].find((s) => s.campaign === campaign)!.opens;
    if (!last) continue;
    for (let d = opens; d <= last; d = day(d, 1)) {
      relations.push({ total: campaignKey(campaign, code, null, `cumulative@${d}`), parts: [...groups].map((g) => campaignKey(campaign, code, g, `cumulative@${d}`)), source: 'total = Σ groups' });
    }
  }
  return { relations, dailyTargets };
}
