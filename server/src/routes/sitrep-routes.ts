import { z } from '@hono/zod-openapi';
import { campaignIdParamSchema, campaignSitrepQuerySchema } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import { PageNotPrintedError, PrinterBusyError, PrinterUnavailableError, type PdfPrinter } from '../pdf/pdf-printer.ts';
import { campaignProgress } from '../services/campaign-progress.ts';
import { findReleaseCampaign } from '../services/release-campaigns.ts';
import { apiRoute, forbidden, problem, routesApp } from './openapi-helpers.ts';
import { serviceContext } from './respond.ts';

const sitrepRoute = apiRoute({
  method: 'get', path: '/campaigns/{id}/sitrep.pdf', tags: ['Campaigns'],
  summary: 'The campaign’s situation report (sitrep) as a PDF',
  description:
    'The dashboard’s print page of the campaign (`/campaigns/{id}/sitrep`) printed by headless Chromium: headline numbers, uptake against the trajectory, the map, the areas furthest behind, equity by deprivation and ethnicity, the week’s doses, and notes and caveats, with the as-of date, the release id and the SHA-256 of its manifest. The figures are the caller’s: the page reads the API with the caller’s token, so without one the report is the public, disclosure-controlled one. One report prints at a time; answers are kept like any other (release, scope, URL).',
  request: { params: campaignIdParamSchema, query: campaignSitrepQuerySchema },
  responses: {
    200: { description: 'The report, an A4 PDF, as an attachment', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
    403: forbidden('the ICB asked for (an ics token reports on its own ICB only)'),
    404: problem('Unknown campaign (campaign_not_found), or the release has no event data (no_event_data)'),
    422: problem('The campaign opens after the release’s data ends, or has no published week by asOf (campaign_not_started)'),
    503: problem('Chromium cannot start on this server, or the dashboard is not built here (pdf_unavailable); the page would not load or draw (pdf_failed, saying why); too many reports are waiting (pdf_busy, see Retry-After); or the release asked for is unavailable (release_unavailable)'),
  },
});

/** `GET /campaigns/{id}/sitrep.pdf`, printed by `printer` (null: this server cannot print, 503). */
export const sitrepRoutes = (printer: PdfPrinter | null) =>
  routesApp().openapi(sitrepRoute, async (c) => {
    const { asOf, icb } = c.req.valid('query');
    const ctx = serviceContext(c);
    const campaign = await findReleaseCampaign(ctx, c.req.valid('param').id);
    const caller = c.var.caller;
    if (icb && caller.role === 'ics' && caller.icb !== icb) throw new ApiError(403, 'forbidden_area', `an ics token for ${caller.icb} reports on its own ICB only, not ${icb}`);
    // Asked the way the page will ask, so a date outside the campaign or the data is refused before a browser starts; also the default date.
    const headline = await campaignProgress(ctx, campaign, { areaType: icb ? 'icb' : 'region', interval: 'week', ...(asOf ? { asOf } : {}) });
    const day = asOf ?? headline.asOf;
    if (!printer) throw new ApiError(503, 'pdf_unavailable', 'this server cannot print reports: the dashboard is not built here (pnpm build)');
    const release = c.var.release.manifest.id;
    const search = new URLSearchParams({ asOf: day, ...(icb ? { icb } : {}), release });
    const token = caller.role === 'public' ? null : (c.req.header('Authorization')?.replace(/^Bearer /, '') ?? null);
    let pdf: Uint8Array;
    try {
      pdf = await printer.print({ path: `/campaigns/${encodeURIComponent(campaign.id)}/sitrep?${search}`, token, footer: `${campaign.name} · as of ${day} · release ${release}` });
    } catch (error) {
      if (error instanceof PrinterBusyError) {
        c.header('Retry-After', '60');
        throw new ApiError(503, 'pdf_busy', error.message);
      }
      if (error instanceof PrinterUnavailableError) throw new ApiError(503, 'pdf_unavailable', error.message);
      if (error instanceof PageNotPrintedError) throw new ApiError(503, 'pdf_failed', error.message);
      throw error;
    }
    const name = ['sitrep', campaign.id, icb, day].filter(Boolean).join('-');
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${name}.pdf"` });
  });
