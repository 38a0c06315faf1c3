import { describe, expect, it } from 'vitest';
import { heapGrowthFlag } from './bounded-heap-growth.ts';

describe('heapGrowthFlag', () => {
  it('bounds heap growth at 50% when the process was given no growth flag of its own', () => {
    expect(heapGrowthFlag([], undefined)).toBe('--heap-growing-percent=50');
    expect(heapGrowthFlag(['--enable-source-maps'], ' --max-old-space-size=512 ')).toBe('--heap-growing-percent=50');
  });

  it.each([
    { where: 'the command line', execArgv: ['--heap-growing-percent=80'], nodeOptions: undefined },
    { where: 'the command line, with underscores', execArgv: ['--heap_growing_percent=80'], nodeOptions: undefined },
    { where: 'NODE_OPTIONS, among other flags', execArgv: [], nodeOptions: '--max-old-space-size=512  --heap-growing-percent=80' },
  ])('leaves a flag given on $where alone', ({ execArgv, nodeOptions }) => {
    expect(heapGrowthFlag(execArgv, nodeOptions)).toBeNull();
  });

  it('does not take a longer flag that merely starts with the same words for it', () => {
    expect(heapGrowthFlag(['--heap-growing-percentile=80'], undefined)).toBe('--heap-growing-percent=50');
  });
});
