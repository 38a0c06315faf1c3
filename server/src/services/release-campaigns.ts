import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CAMPAIGNS, RELEASE_LAYOUT, mergeCampaigns, parseCampaigns, type Campaign } from '@pathfinder/metrics';
import { ApiError } from '../http/api-error.ts';
import type { OpenRelease } from '../store/data-store.ts';
import type { ServiceContext } from './service-context.ts';

const CAMPAIGNS_FILE = 'campaigns.json';

const parsedFiles = new Map<string, { version: string; campaigns: readonly Campaign[] }>();

/**
 * The campaigns of a release: the built-in catalogue, then `campaigns.json` in the data directory,
 * then `campaigns.json` in the release folder (same schema, an array of definitions); a later
 * campaign with the same id replaces an earlier one. Files are re-read when they change.
 */
export async function releaseCampaigns(release: Pick<OpenRelease, 'dir'>): Promise<readonly Campaign[]> {
  const releasesDir = path.dirname(release.dir);
  const dataDirFile = path.basename(releasesDir) === RELEASE_LAYOUT.releasesFolder ? path.join(path.dirname(releasesDir), CAMPAIGNS_FILE) : null;
  return mergeCampaigns(
    CAMPAIGNS,
    dataDirFile ? await campaignFile(dataDirFile, `${CAMPAIGNS_FILE} in the data directory`) : [],
    await campaignFile(path.join(release.dir, CAMPAIGNS_FILE), `${CAMPAIGNS_FILE} in the release folder`),
  );
}

/** The campaign with this id in the request's release; 404 when there is none. */
export async function findReleaseCampaign(ctx: ServiceContext, id: string): Promise<Campaign> {
  const campaigns = await releaseCampaigns(ctx.release);
  const campaign = campaigns.find((c) => c.id === id);
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `no campaign with id ${JSON.stringify(id)} (known: ${campaigns.map((c) => c.id).join(', ')})`);
  return campaign;
}

async function campaignFile(file: string, source: string): Promise<readonly Campaign[]> {
  let version: string;
  try {
    const stats = await stat(file);
    version = `${stats.mtimeMs}:${stats.size}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const cached = parsedFiles.get(file);
  if (cached?.version === version) return cached.campaigns;
  let campaigns: readonly Campaign[];
  try {
    campaigns = parseCampaigns(JSON.parse(await readFile(file, 'utf8')), source);
  } catch (error) {
    const reason = error instanceof SyntaxError ? `${source} is not valid JSON: ${error.message}` : error instanceof Error ? error.message : String(error);
    throw new ApiError(500, 'invalid_campaigns_file', reason);
  }
  parsedFiles.set(file, { version, campaigns });
  return campaigns;
}
