import { describe, expect, it } from 'vitest';
import { nearestInDirection } from './nearest-in-direction.ts';

const at = (name: string, x: number, y: number) => ({ name, at: [x, y] as const });

describe('nearestInDirection', () => {
  const points = [at('west', -10, 1), at('far west', -30, 0), at('north-west steep', -2, -20), at('east', 12, 0), at('south', 0, 15)];

  it('moves to the nearest point within 45° of the arrow', () => {
    expect(nearestInDirection([0, 0], points, [-1, 0])?.name).toBe('west');
    expect(nearestInDirection([0, 0], points, [1, 0])?.name).toBe('east');
    expect(nearestInDirection([0, 0], points, [0, 1])?.name).toBe('south');
    expect(nearestInDirection([0, 0], points, [0, -1])?.name).toBe('north-west steep');
  });

  it('prefers a farther point straight ahead to a nearer one off to the side', () => {
    expect(nearestInDirection([0, 0], [at('near but sideways', 3, 8), at('ahead', 20, 1)], [1, 0])?.name).toBe('ahead');
  });

  it('falls back to the straightest point on that side when none is within 45°, and to none at the edge', () => {
    expect(nearestInDirection([0, 0], [at('steep', 2, 30), at('steeper', 1, 40)], [1, 0])?.name).toBe('steep');
    expect(nearestInDirection([0, 0], [at('behind', -5, 0)], [1, 0])).toBeNull();
  });
});
