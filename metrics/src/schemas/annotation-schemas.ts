import { z } from 'zod';
import { AREA_TYPES } from '../geography/london-geography.ts';

/** Longest note, in characters: a sentence or two, as a chart's marker shows it. */
export const ANNOTATION_TEXT_MAX = 500;

/** An annotation's id: 12 letters and digits (random, `randomId`). */
export const ANNOTATION_ID_PATTERN = /^[A-Za-z0-9]{12}$/;

const indicatorIdField = z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, 'an indicator or campaign id: letters, digits, dot, dash and underscore');
const areaCodeField = z.string().min(1).max(20).regex(/^[A-Za-z0-9]+$/, 'an area code: letters and digits');

/** A calendar date written YYYY-MM-DD that exists (no 31 April). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'a date that exists');

/**
 * Plain text is letters, punctuation, tabs and line breaks: no other control characters, line or
 * paragraph separators, or bidirectional overrides and isolates (they have no place in a note and
 * can make it read otherwise than it is stored).
 */
const isHiddenCharacter = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);

const isPlainText = (text: string) => {
  for (let i = 0; i < text.length; i++) if (isHiddenCharacter(text.charCodeAt(i))) return false;
  return true;
};

/** What a caller sends to write an annotation (unknown fields are refused). */
export const annotationBodySchema = z.strictObject({
  indicatorId: indicatorIdField.describe('a catalogue indicator id (imm-mmr1-24m) or a campaign id (polio-ipv-2022)'),
  areaCode: areaCodeField.describe('ONS or ODS code of the area the note is about'),
  date: isoDate.describe('the day the note is about, YYYY-MM-DD'),
  text: z
    .string()
    .max(ANNOTATION_TEXT_MAX, `at most ${ANNOTATION_TEXT_MAX} characters`)
    .refine((s) => s.trim().length > 0, 'the note is empty')
    .refine(isPlainText, 'plain text: no control characters')
    .describe(`the note, plain text, 1–${ANNOTATION_TEXT_MAX} characters`),
  public: z.boolean().default(false).describe('whether the public sees it too (default false: only the scopes that may write it)'),
});

export const annotationSchema = z.object({
  id: z.string(),
  indicatorId: z.string(),
  areaCode: z.string(),
  areaType: z.enum(AREA_TYPES),
  date: z.string().describe('YYYY-MM-DD'),
  text: z.string(),
  public: z.boolean(),
  author: z.object({ role: z.enum(['ics', 'region', 'admin']), icb: z.string().nullable() }).describe('the role (and ICB) of the token that wrote it'),
  createdAt: z.string().describe('when it was written (ISO date-time, UTC)'),
});

export const annotationListSchema = z.object({
  annotations: z.array(annotationSchema).describe('oldest date first (then oldest written first)'),
});

export const annotationsQuerySchema = z.object({
  indicator: indicatorIdField.optional().describe('only notes on this indicator or campaign'),
  area: areaCodeField.optional().describe('only notes on this area'),
});

export const annotationIdParam = z.object({ id: z.string().regex(ANNOTATION_ID_PATTERN, 'an annotation id: 12 letters and digits') });

export type AnnotationBody = z.output<typeof annotationBodySchema>;
export type Annotation = z.infer<typeof annotationSchema>;
export type AnnotationList = z.infer<typeof annotationListSchema>;
