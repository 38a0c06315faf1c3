import { formatStatusValue, type AlertItem } from '@pathfinder/metrics';

/** An alert in a few words, for a feed entry's title or an email line: where, what, and what changed. */
export function alertHeadline(alert: AlertItem): string {
  const what = `${alert.areaName}: ${alert.indicatorName}`;
  switch (alert.change) {
    case 'new':
      return `${what} needs attention (${alert.severity})`;
    case 'resolved':
      return `${what} no longer needs attention (was ${alert.previous?.severity ?? alert.severity})`;
    case 'changed':
      return alert.previous !== null && alert.current !== null && alert.previous.severity !== alert.current.severity
        ? `${what} changed from ${alert.previous.severity} to ${alert.current.severity}`
        : `${what} changed (${alert.severity})`;
  }
}

/** An alert in plain sentences: the status summary, the signals that appeared and cleared, and both releases' values. */
export function alertDescription(alert: AlertItem): string {
  const parts = [alert.change === 'resolved' ? `Previously: ${alert.summary}` : alert.summary];
  if (alert.newSignals.length > 0) parts.push(`New: ${alert.newSignals.map((s) => s.text).join('; ')}.`);
  if (alert.resolvedSignals.length > 0) parts.push(`No longer: ${alert.resolvedSignals.map((s) => s.text).join('; ')}.`);
  const value = (figures: AlertItem['previous']) => (figures?.value == null ? 'no value' : formatStatusValue(figures.value, alert.unit));
  parts.push(`Value ${value(alert.previous)} in the previous release, ${value(alert.current)} in this one.`);
  return parts.join(' ');
}
