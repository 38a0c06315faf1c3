import { describe, expect, it } from 'vitest';
import type { Polarity } from '../../catalogue/indicator-spec.ts';
import { targetRag } from './target-rag.ts';

describe('targetRag', () => {
  it.each<{ case: string; value: number; targets: number[]; polarity: Polarity; rag: string }>([
    { case: 'MMR1 London 82.2% against 95%', value: 82.2, targets: [95], polarity: 'higher-better', rag: 'red' },
    { case: 'a value exactly on a higher-better target', value: 95, targets: [95], polarity: 'higher-better', rag: 'green' },
    { case: 'a value above a higher-better target', value: 96.1, targets: [95], polarity: 'higher-better', rag: 'green' },
    { case: 'a value below a lower-better target', value: 3.2, targets: [5], polarity: 'lower-better', rag: 'green' },
    { case: 'a value exactly on a lower-better target', value: 5, targets: [5], polarity: 'lower-better', rag: 'green' },
    { case: 'a value above a lower-better target', value: 5.1, targets: [5], polarity: 'lower-better', rag: 'red' },
    { case: '6-in-1 London 86.3% against 90% minimum / 95% target', value: 86.3, targets: [90, 95], polarity: 'higher-better', rag: 'red' },
    { case: '6-in-1 Bexley 91.3% between the minimum and the target', value: 91.3, targets: [90, 95], polarity: 'higher-better', rag: 'amber' },
    { case: 'a value exactly on the minimum', value: 90, targets: [90, 95], polarity: 'higher-better', rag: 'amber' },
    { case: 'a value exactly on the upper target', value: 95, targets: [90, 95], polarity: 'higher-better', rag: 'green' },
    { case: 'targets given goal first', value: 91.3, targets: [95, 90], polarity: 'higher-better', rag: 'amber' },
    { case: 'lower-better, below both targets', value: 4, targets: [5, 8], polarity: 'lower-better', rag: 'green' },
    { case: 'lower-better, between the targets', value: 6, targets: [8, 5], polarity: 'lower-better', rag: 'amber' },
    { case: 'lower-better, exactly on the looser target', value: 8, targets: [5, 8], polarity: 'lower-better', rag: 'amber' },
    { case: 'lower-better, above both targets', value: 9, targets: [5, 8], polarity: 'lower-better', rag: 'red' },
  ])('rates $case as $rag', ({ value, targets, polarity, rag }) => {
    expect(targetRag(value, targets, polarity)).toBe(rag);
  });

  it('gives no rating without a target', () => expect(targetRag(82.2, [], 'higher-better')).toBeNull());
  it('gives no rating for a no-judgement indicator', () => expect(targetRag(10.9, [12], 'no-judgement')).toBeNull());
  it('gives no rating for a missing value', () => expect(targetRag(null, [90, 95], 'higher-better')).toBeNull());

  it('rejects more than two targets, saying how many', () => {
    expect(() => targetRag(76, [75, 77, 80], 'higher-better')).toThrow('at most two targets can be rated against (got 3)');
  });
  it('rejects a target that is not a finite number', () => {
    expect(() => targetRag(76, [Number.NaN], 'higher-better')).toThrow('targets must be finite numbers (got NaN)');
  });
  it('rejects a value that is not a finite number', () => {
    expect(() => targetRag(Number.POSITIVE_INFINITY, [95], 'higher-better')).toThrow('value must be a finite number or null (got Infinity)');
  });
  it('rejects an unknown polarity', () => {
    expect(() => targetRag(1, [1], 'down' as Polarity)).toThrow(/polarity must be one of .* \(got down\)/);
  });
});
