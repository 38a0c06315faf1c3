import { SEVERITIES, attentionLink, compareStatuses, type AlertItem, type AttentionItem, type ReleaseStatus, type Severity } from '@pathfinder/metrics';
import type { StatusRow, StatusTable } from './status-scope.ts';

/** One alert with what filters need: the area and indicator of the item it was made from. */
export interface AlertRow extends Omit<StatusRow, 'item'> {
  readonly item: AlertItem;
}

/**
 * What is new between two releases' statuses for one scope: each area × indicator (matched by area
 * code, kind and indicator id, each release at its own latest period) that `compareStatuses` reports.
 * An alert carries the current release's item, or for a resolved one the previous release's (what
 * was resolved, linked in the previous release, where its signal is still drawn). Ranked as the
 * attention list is: severity (the current one, the previous for a resolved alert), then people
 * affected, then area and indicator.
 */
export function alertsBetween(previous: StatusTable, current: StatusTable): AlertRow[] {
  const before = new Map(previous.rows.map((row) => [rowKey(row.item), row]));
  const after = new Map(current.rows.map((row) => [rowKey(row.item), row]));
  const alerts: AlertRow[] = [];
  for (const key of new Set([...after.keys(), ...before.keys()])) {
    const was = before.get(key) ?? null;
    const now = after.get(key) ?? null;
    const change = compareStatuses(was && releaseStatus(was.item), now && releaseStatus(now.item));
    if (change === null) continue;
    // compareStatuses reports a resolved change only with a previous status, and any other only with a current one.
    const resolved = change.change === 'resolved';
    const from = (resolved ? was : now) as StatusRow;
    const link = resolved ? itemLink(from.item, previous.releaseId) : from.item.link;
    alerts.push({ area: from.area, indicator: from.indicator, item: { ...from.item, link, ...change, newSignals: [...change.newSignals], resolvedSignals: [...change.resolvedSignals] } });
  }
  return alerts.sort(byUrgency);
}

/** The severity an alert is filtered and ranked by: the current one, or what a resolved alert was. */
export const alertSeverity = (alert: AlertItem): Severity => (alert.change === 'resolved' ? alert.previous?.severity : alert.current?.severity) ?? alert.severity;

/** The item's deep link pinned to a release (the attention list's links follow the current one). */
export function itemLink(item: AttentionItem, release: string | null): string {
  return attentionLink({ kind: item.kind, indicatorId: item.indicatorId, areaCode: item.areaCode, areaType: item.areaType, period: item.period, signal: item.signals[0]?.rule ?? null, release });
}

/** An alert's deep link naming the release it is about: a current item's in `release`, a resolved one's (already) in the previous release. */
export const pinnedAlertLink = (alert: AlertItem, release: string): string => (alert.change === 'resolved' ? alert.link : itemLink(alert, release));

const rowKey = (item: AttentionItem) => `${item.kind}\u0000${item.indicatorId}\u0000${item.areaCode}`;

const releaseStatus = (item: AttentionItem): ReleaseStatus => ({ severity: item.severity, signals: item.signals, value: item.value, comparison: item.benchmark?.comparison ?? null });

function byUrgency(a: AlertRow, b: AlertRow): number {
  const severity = SEVERITIES.indexOf(alertSeverity(a.item)) - SEVERITIES.indexOf(alertSeverity(b.item));
  if (severity !== 0) return severity;
  const affected = (b.item.denominator ?? -1) - (a.item.denominator ?? -1);
  if (affected !== 0) return affected;
  return a.item.areaCode.localeCompare(b.item.areaCode) || a.item.indicatorId.localeCompare(b.item.indicatorId);
}
