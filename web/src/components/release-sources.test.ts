import { describe, expect, it } from 'vitest';
import type { ReleaseSummary } from '@pathfinder/metrics';
import { sourceCredit, sourcesOf } from './release-sources.tsx';

const OGL = 'Open Government Licence v3.0';
const cover = { name: 'COVER quarterly data', publisher: 'UK Health Security Agency', licence: OGL, attribution: 'Source: UKHSA COVER, © Crown copyright.', indicators: ['imm-mmr1-24m'] };
const qof = { name: 'QOF modelled prevalence', publisher: 'House of Commons Library', licence: 'Open Parliament Licence v3.0', attribution: 'Contains Parliamentary information.', indicators: ['htn-prevalence'] };
const release = { sources: [cover, qof] } as unknown as ReleaseSummary;

describe('the sources a chart credits', () => {
  it('are those giving its indicators’ figures', () => {
    expect(sourcesOf(release, ['imm-mmr1-24m'])).toEqual([cover]);
    expect(sourcesOf(release, ['imm-mmr1-24m', 'htn-prevalence'])).toEqual([cover, qof]);
  });

  it('are every source of the release when the chart names no indicator, or no source says it gives them', () => {
    expect(sourcesOf(release, undefined)).toEqual([cover, qof]);
    expect(sourcesOf(release, ['ast-prevalence'])).toEqual([cover, qof]);
    const unsaid = { sources: [{ ...cover, indicators: undefined }] } as unknown as ReleaseSummary;
    expect(sourcesOf(unsaid, ['imm-mmr1-24m'])).toHaveLength(1);
  });

  it('name the source, its publisher, its licence and the attribution it asks for', () => {
    expect(sourceCredit(cover)).toBe('COVER quarterly data (UK Health Security Agency), Open Government Licence v3.0. Source: UKHSA COVER, © Crown copyright.');
  });
});
