import { z } from 'zod';
import { DOMAINS, ICBS } from '@pathfinder/metrics';

const icbCode = z.enum(ICBS.map((i) => i.code) as [string, ...string[]]);

/** Parses URL search parameters with a zod schema; anything invalid falls back to the schema's defaults. */
export function parseSearch<S extends z.ZodObject>(schema: S) {
  return (search: URLSearchParams): z.infer<S> => {
    const raw = Object.fromEntries(search.entries());
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const cleaned = Object.fromEntries(Object.entries(raw).filter(([k]) => !parsed.error.issues.some((i) => i.path[0] === k)));
    return schema.parse(cleaned);
  };
}

export const overviewState = parseSearch(
  z.object({
    domain: z.enum(DOMAINS).default('immunisation'),
    areaType: z.enum(['borough', 'icb']).default('borough'),
    parent: icbCode.optional().catch(undefined),
    comparator: z.enum(['london', 'england']).default('london'),
  }),
);

export const indicatorState = parseSearch(
  z.object({
    period: z.string().max(40).default('latest'),
    areaType: z.enum(['borough', 'icb']).default('borough'),
    area: z.string().max(20).optional(),
    comparator: z.enum(['london', 'england', 'parent']).default('london'),
    colour: z.enum(['value', 'comparison']).default('comparison'),
    sort: z.enum(['value', 'name', 'icb']).default('value'),
  }),
);

export const practiceState = parseSearch(
  z.object({
    icb: icbCode.default('E54000029'),
    indicator: z.string().max(100).default('imm-mmr1-24m'),
    period: z.string().max(40).default('latest'),
  }),
);

export const inequalitiesState = parseSearch(
  z.object({
    indicator: z.string().max(100).default('imm-mmr1-24m'),
    area: z.string().max(20).default('E12000007'),
    by: z.enum(['deprivation', 'ethnicity', 'sex']).default('deprivation'),
    period: z.string().max(40).default('latest'),
  }),
);

export const campaignState = parseSearch(
  z.object({
    areaType: z.enum(['borough', 'icb']).default('borough'),
    interval: z.enum(['week', 'day']).default('week'),
    asOf: z.iso.date().optional().describe('the interval shown (its last day); default the latest'),
    measure: z.enum(['uptake', 'unvaccinated']).default('uptake'),
    area: z.string().max(20).default('E12000007'),
    list: z.enum(['practice', 'pcn']).default('practice'),
    icb: icbCode.optional().catch(undefined),
  }),
);

const MAP_KINDS = ['boundaries', 'tiles'] as const;
export type MapKind = (typeof MAP_KINDS)[number];

/** `map=tiles` in any view with a map; official boundaries when absent (or not understood). */
export const mapKindState = parseSearch(z.object({ map: z.enum(MAP_KINDS).default('boundaries') }));
