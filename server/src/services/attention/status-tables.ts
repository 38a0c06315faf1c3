import type { StatusTables } from './release-alerts.ts';

/** The status tables the server compares: replaced by `statusTable` when it lands on this branch. */
export const defaultStatusTables: StatusTables = () => Promise.reject(new Error('status tables are not wired yet'));
