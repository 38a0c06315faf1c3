import { MIXED_API_REQUESTS } from '../support/mixed-api-requests.ts';

interface CatalogueEntry {
  readonly id: string;
  readonly areaTypes: readonly string[];
}

/** Hot requests come back after every this many long-tail ones, so they stay in the answer cache. */
const TAIL_PER_HOT = 10;

/**
 * The soak's request paths, built from the served catalogue and areas: a long tail of every
 * indicator's values and trends (JSON and CSV), profiles and overviews, more distinct answers than
 * the server's cache holds so it keeps querying DuckDB, interleaved with the dashboard's hot
 * requests (MIXED_API_REQUESTS, a few bad ones included).
 */
export async function soakPaths(baseUrl: string): Promise<string[]> {
  const get = async <T>(p: string) => (await (await fetch(baseUrl + p)).json()) as T;
  const { indicators } = await get<{ indicators: CatalogueEntry[] }>('/api/v1/indicators');
  const areasOf = async (type: string) => (await get<{ areas: { code: string }[] }>(`/api/v1/areas?type=${type}`)).areas.map((a) => ({ code: a.code, type }));
  const areas = [...(await areasOf('icb')), ...(await areasOf('borough'))];
  const tail: string[] = [];
  for (const { id, areaTypes } of indicators) {
    tail.push(`/api/v1/periods?indicator=${id}`);
    for (const type of ['region', 'icb', 'borough'].filter((t) => areaTypes.includes(t))) {
      tail.push(`/api/v1/indicators/${id}/values?areaType=${type}`, `/api/v1/indicators/${id}/values?areaType=${type}&format=csv`);
    }
    for (const area of areas.filter((a) => areaTypes.includes(a.type))) {
      tail.push(`/api/v1/indicators/${id}/trend?area=${area.code}`, `/api/v1/indicators/${id}/trend?area=${area.code}&format=csv`);
    }
  }
  for (const area of areas) tail.push(`/api/v1/areas/${area.code}/profile`, `/api/v1/areas/${area.code}/profile?format=csv`);
  for (const type of ['borough', 'icb']) {
    for (const domain of ['', '&domain=immunisation', '&domain=asthma', '&domain=hypertension', '&domain=cancer']) {
      tail.push(`/api/v1/overview?areaType=${type}${domain}`, `/api/v1/overview?areaType=${type}${domain}&comparator=england`);
    }
  }
  return tail.flatMap((p, i) => (i % TAIL_PER_HOT === 0 ? [MIXED_API_REQUESTS[(i / TAIL_PER_HOT) % MIXED_API_REQUESTS.length]!.path, p] : [p]));
}
