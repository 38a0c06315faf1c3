import { describe, expect, it } from 'vitest';
import { previousRelease } from './previous-release.ts';

const release = (id: string, kind: 'synthetic' | 'imported' | 'published', dataAsAt: string, createdAt = `${dataAsAt}T00:00:00.000Z`) => ({ id, kind, dataAsAt, createdAt });

describe('previousRelease', () => {
  const current = release('s-2025-03', 'synthetic', '2025-03-31');
  const listed = [
    current,
    release('s-2024-12', 'synthetic', '2024-12-31'),
    release('s-2024-09', 'synthetic', '2024-09-30'),
    release('s-2025-06', 'synthetic', '2025-06-30'),
    release('imp-2025-02', 'imported', '2025-02-28'),
    release('pub-2025-03', 'published', '2025-03-30'),
  ];

  it('is the newest earlier release of the same kind', () => expect(previousRelease(current, listed)?.id).toBe('s-2024-12'));
  it('ignores later releases and other kinds: the earliest has none', () => expect(previousRelease(release('s-2024-09', 'synthetic', '2024-09-30'), listed)).toBeNull());
  it('takes the earlier created of two releases with the same date', () => {
    const twin = release('s-2025-03b', 'synthetic', '2025-03-31', '2025-04-02T09:00:00.000Z');
    const first = release('s-2025-03a', 'synthetic', '2025-03-31', '2025-04-01T09:00:00.000Z');
    expect(previousRelease(twin, [first, twin, ...listed])?.id).toBe('s-2025-03a');
    expect(previousRelease(first, [first, twin, ...listed])?.id).toBe('s-2025-03');
  });
});
