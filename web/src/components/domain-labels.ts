import type { Domain } from '@pathfinder/metrics';

export const DOMAIN_LABELS: Record<Domain, string> = { immunisation: 'Immunisation', asthma: 'Asthma', hypertension: 'Hypertension', cancer: 'Cancer pathways' };
