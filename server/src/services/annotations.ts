import { AREA_TYPES, findIndicator, type Annotation, type AnnotationBody, type AnnotationReach, type AnnotationRow } from '@pathfinder/metrics';
import { canSeeArea, type Caller } from '../auth/caller.ts';
import { ApiError } from '../http/api-error.ts';
import type { DirectoryArea } from '../store/area-directory.ts';
import type { AnnotationStore } from '../user-data/annotation-store.ts';
import { randomId } from '../user-data/random-id.ts';
import { visibleArea } from './area-access.ts';
import { releaseCampaigns } from './release-campaigns.ts';
import type { ServiceContext } from './service-context.ts';

const ANNOTATION_ID_LENGTH = 12;

/**
 * Who may write (and delete) an annotation on an area: `region` and `admin` on any; an `ics` token on
 * its own ICB and the ICB's boroughs, PCNs and practices; never the public.
 */
function mayWriteOn(caller: Caller, area: Pick<DirectoryArea, 'icbCode'>): boolean {
  if (caller.role === 'region' || caller.role === 'admin') return true;
  return caller.role === 'ics' && caller.icb !== null && area.icbCode === caller.icb;
}

/**
 * Who may read an annotation: whoever may write it, and anyone for a public one, as long as the
 * caller may see its area at all (a public note on a practice stays with the tokens that see it).
 */
function mayRead(caller: Caller, row: AnnotationRow): boolean {
  const area = { code: row.area_code, type: row.area_type as DirectoryArea['type'], icbCode: row.area_icb };
  return canSeeArea(caller, area) && (row.public || mayWriteOn(caller, area));
}

const reachOf = (caller: Caller): AnnotationReach =>
  caller.role === 'region' || caller.role === 'admin' ? { kind: 'all' } : caller.role === 'ics' && caller.icb !== null ? { kind: 'icb', icb: caller.icb } : { kind: 'public' };

const needsToken = () => new ApiError(401, 'token_required', 'writing annotations needs a token (ics for its own ICB’s areas, region, admin)');

/** A catalogue indicator or a campaign of the release; 404 otherwise. */
async function requireNoteSubject(ctx: ServiceContext, id: string): Promise<void> {
  if (findIndicator(id)) return;
  if ((await releaseCampaigns(ctx.release)).some((c) => c.id === id)) return;
  throw new ApiError(404, 'indicator_not_found', `no indicator or campaign with id ${JSON.stringify(id)}`);
}

function annotationOf(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    indicatorId: row.indicator_id,
    areaCode: row.area_code,
    areaType: AREA_TYPES.find((t) => t === row.area_type) ?? 'practice',
    date: row.date,
    text: row.text,
    public: row.public,
    author: { role: row.author_role, icb: row.author_icb },
    createdAt: row.created_at,
  };
}

/** The annotations the caller may read, of one indicator and area when given, oldest first. */
export async function listAnnotations(ctx: ServiceContext, store: AnnotationStore, query: { indicator?: string | undefined; area?: string | undefined }): Promise<Annotation[]> {
  // The area is looked up as every route does: unknown or hidden from the caller is 404, a level the public may not see 401.
  if (query.area !== undefined) visibleArea(ctx, query.area);
  if (query.indicator !== undefined) await requireNoteSubject(ctx, query.indicator);
  const rows = await store.list(reachOf(ctx.caller), { ...(query.indicator !== undefined ? { indicatorId: query.indicator } : {}), ...(query.area !== undefined ? { areaCode: query.area } : {}) });
  return rows.filter((row) => mayRead(ctx.caller, row)).map(annotationOf);
}

/** Writes an annotation on an area the caller may write on: 401 for the public, 404 for an area unknown (or hidden) to it, 403 for another ICB's. */
export async function createAnnotation(ctx: ServiceContext, store: AnnotationStore, body: AnnotationBody, now: Date): Promise<Annotation> {
  const { caller } = ctx;
  if (caller.role === 'public') throw needsToken();
  const area = ctx.release.areas.get(body.areaCode);
  if (!area) throw ApiError.notFound('area', body.areaCode);
  if (!mayWriteOn(caller, area)) throw new ApiError(403, 'forbidden_area', `an ${caller.role} token for ${caller.icb ?? 'no ICB'} may not write annotations on ${area.type} ${area.code}: only on its own ICB’s areas`);
  await requireNoteSubject(ctx, body.indicatorId);
  const row: AnnotationRow = {
    id: randomId(ANNOTATION_ID_LENGTH),
    indicator_id: body.indicatorId,
    area_code: area.code,
    area_type: area.type,
    area_icb: area.icbCode,
    date: body.date,
    text: body.text,
    public: body.public,
    author_subject: caller.subject,
    author_role: caller.role,
    author_icb: caller.icb,
    created_at: now.toISOString(),
  };
  await store.insert(row);
  return annotationOf(row);
}

/** Deletes an annotation the caller may write: 401 for the public, 404 when it cannot read it, 403 when it can read but not delete it. */
export async function deleteAnnotation(ctx: ServiceContext, store: AnnotationStore, id: string): Promise<AnnotationRow> {
  if (ctx.caller.role === 'public') throw needsToken();
  const row = await store.get(id);
  if (!row || !mayRead(ctx.caller, row)) throw ApiError.notFound('annotation', id);
  if (!mayWriteOn(ctx.caller, { icbCode: row.area_icb })) throw new ApiError(403, 'forbidden_area', `an ${ctx.caller.role} token for ${ctx.caller.icb ?? 'no ICB'} may not delete annotations on ${row.area_type} ${row.area_code}: only on its own ICB’s areas`);
  await store.delete(id);
  return row;
}
