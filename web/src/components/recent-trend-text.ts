import type { RecentTrendLabel } from '@pathfinder/metrics';

const TEXT: Record<RecentTrendLabel, string> = {
  increasing: '↑ Increasing',
  decreasing: '↓ Decreasing',
  'increasing-getting-better': '↑ Increasing, getting better',
  'increasing-getting-worse': '↑ Increasing, getting worse',
  'decreasing-getting-better': '↓ Decreasing, getting better',
  'decreasing-getting-worse': '↓ Decreasing, getting worse',
  'no-significant-change': '→ No significant change',
  'cannot-be-calculated': 'Cannot be calculated',
};

/** The Fingertips recent-trend marker in words, with an arrow for the direction. */
export const recentTrendText = (label: string): string => TEXT[label as RecentTrendLabel] ?? label.replaceAll('-', ' ');
