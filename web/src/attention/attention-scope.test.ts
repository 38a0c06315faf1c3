import { describe, expect, it } from 'vitest';
import type { Session } from '@pathfinder/metrics';
import { attentionFilter, attentionLevels, permittedLevel, practiceIcbs, scopeDescription } from './attention-scope.ts';

const PUBLIC: Session = { role: 'public', icb: null, areaTypes: ['england', 'region', 'icb', 'borough'] };
const NEL: Session = { role: 'ics', icb: 'E54000029', areaTypes: ['england', 'region', 'icb', 'borough', 'pcn', 'practice'] };
const REGION: Session = { role: 'region', icb: null, areaTypes: ['england', 'region', 'icb', 'borough', 'pcn', 'practice'] };

describe('what the attention view offers each caller', () => {
  it('offers the public no practice or PCN level, and never England', () => {
    expect(attentionLevels(PUBLIC)).toEqual(['region', 'icb', 'borough']);
    expect(attentionLevels(NEL)).toEqual(['icb', 'borough', 'pcn', 'practice']);
    expect(attentionLevels(REGION)).toEqual(['region', 'icb', 'borough', 'pcn', 'practice']);
  });

  it('drops a level from the URL that the caller may not ask for', () => {
    expect(permittedLevel(PUBLIC, 'practice')).toBeUndefined();
    expect(permittedLevel(PUBLIC, 'pcn')).toBeUndefined();
    expect(permittedLevel(PUBLIC, 'borough')).toBe('borough');
    expect(permittedLevel(NEL, 'practice')).toBe('practice');
  });

  it('names the scope and the ICBs whose practices can be listed', () => {
    expect(scopeDescription(NEL)).toMatch(/^North East London ICB/);
    expect(scopeDescription(PUBLIC)).not.toMatch(/practice/i);
    expect(practiceIcbs(PUBLIC)).toEqual([]);
    expect(practiceIcbs(NEL).map((i) => i.code)).toEqual(['E54000029']);
    expect(practiceIcbs(REGION)).toHaveLength(5);
  });

  it('narrows the list to the chosen ICB’s areas, except for an ICS lead, whose list is its own ICB’s', () => {
    const offer = { domains: ['immunisation' as const], hasAreaType: () => true };
    const search = { icb: 'E54000027', domain: undefined, areaType: undefined, severity: undefined };
    expect(attentionFilter(REGION, offer, search)).toMatchObject({ parent: 'E54000027' });
    expect(attentionFilter(PUBLIC, offer, search)).toMatchObject({ parent: 'E54000027' });
    expect(attentionFilter(NEL, offer, search).parent).toBeUndefined();
    expect(scopeDescription(REGION, 'E54000029')).toBe('the boroughs, primary care networks and GP practices of North East London ICB');
    expect(scopeDescription(PUBLIC, 'E54000029')).toBe('the boroughs of North East London ICB');
    expect(scopeDescription(NEL, 'E54000027')).toBe(scopeDescription(NEL));
  });
});
