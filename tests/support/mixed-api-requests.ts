/** A request of a mixed API load and the status it must get. */
export interface ExpectedRequest {
  readonly path: string;
  readonly status: number;
}

/**
 * One of each public request the dashboard makes (values, trend, overview, profile, areas,
 * periods, indicators, releases, health, a CSV download) and a few bad ones that must get their
 * 4xx: an unknown indicator, area and route, an invalid parameter, practice data without a token.
 */
export const MIXED_API_REQUESTS: readonly ExpectedRequest[] = [
  { path: '/api/v1/indicators/imm-mmr1-24m/values?areaType=borough', status: 200 },
  { path: '/api/v1/indicators/imm-mmr1-24m/trend?area=E09000012', status: 200 },
  { path: '/api/v1/overview?areaType=borough&domain=immunisation', status: 200 },
  { path: '/api/v1/areas/E09000012/profile', status: 200 },
  { path: '/api/v1/areas?type=borough', status: 200 },
  { path: '/api/v1/periods?indicator=imm-mmr1-24m', status: 200 },
  { path: '/api/v1/indicators', status: 200 },
  { path: '/healthz', status: 200 },
  { path: '/api/v1/indicators/htn-ttt-79/values?areaType=icb', status: 200 },
  { path: '/api/v1/indicators/imm-mmr1-24m/values?areaType=region&period=2023/24', status: 200 },
  { path: '/api/v1/indicators/ast-review-12m/trend?area=E54000028', status: 200 },
  { path: '/api/v1/overview?areaType=icb', status: 200 },
  { path: '/api/v1/areas/E54000029/profile', status: 200 },
  { path: '/api/v1/areas?type=icb&parent=E12000007', status: 200 },
  { path: '/api/v1/indicators/imm-mmr1-24m', status: 200 },
  { path: '/api/v1/releases/current', status: 200 },
  { path: '/api/v1/indicators/imm-mmr1-24m/values?areaType=borough&format=csv', status: 200 },
  { path: '/api/v1/indicators/no-such-indicator/values?areaType=borough', status: 404 },
  { path: '/api/v1/indicators/imm-mmr1-24m/values?areaType=galaxy', status: 400 },
  { path: '/api/v1/areas/E09999999/profile', status: 404 },
  { path: '/api/v1/indicators/imm-mmr1-24m/values?areaType=practice&parent=E54000029', status: 401 },
  { path: '/api/v1/no-such-route', status: 404 },
];
