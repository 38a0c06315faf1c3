import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createApp } from '../app.ts';
import { loadBoundaries } from '../store/load-boundaries.ts';
import { openAuditFile } from '../audit/audit-file.ts';
import { localTokenSecret } from '../auth/local-token-secret.ts';
import { openOidcVerifier } from '../auth/oidc-verifier.ts';
import { parseEnv } from '../env.ts';
import { startServer } from '../http/start-server.ts';
import { webAssets } from '../http/web-assets.ts';
import { DuckDbStore } from '../store/duckdb-store.ts';
import type { OpenRelease } from '../store/data-store.ts';
import { prepareCampaignCubes } from '../services/campaign-progress.ts';
import { prepareExplore } from '../services/explore-views.ts';
import { prepareCohortCubes } from '../services/public-cohort-table.ts';
import { prepareStatusTables } from '../services/attention/prepare-status-tables.ts';
import { preparePreviousRelease } from '../services/attention/prepare-previous-release.ts';
import { stopExtractBuilds } from '../store/parquet-extract-writer.ts';
import { defineCommand } from './cli-command.ts';
import { boundHeapGrowth } from './bounded-heap-growth.ts';
import { intOption } from './cli-options.ts';
import { DATA_OPTION, dataDirectory } from './data-option.ts';
import { onSignal, untilSignal } from './process-signals.ts';
import { startAlertDelivery } from '../alerts/start-alert-delivery.ts';
import { loadSubscriptions } from '../alerts/subscriptions-file.ts';
import { statusTable } from '../services/attention/status-table.ts';
import { USER_DATA_FILE, openUserData } from '../user-data/user-data-file.ts';
import { loopbackPdfPrinter } from '../pdf/pdf-printer.ts';


const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));
const ENV_DEFAULTS = parseEnv({});

/**
 * `pnpm pathfinder serve`: the dashboard and API on one port. Follows the data directory's current
 * release (polled, and at once on SIGHUP); on SIGINT or SIGTERM stops accepting, finishes the
 * requests in flight, then closes DuckDB and the audit log.
 */
export const serveCommand = defineCommand({
  description:
    "Serves the dashboard and the API on one port from the data directory's current release, and follows it: `pnpm pathfinder release activate` from another shell (or SIGHUP) switches a running server within seconds. Every file of a release is checked against its manifest before it is served: if the current release fails, a running server keeps the release it serves, and a starting one serves the newest release that passes, /healthz saying `degraded` with the reason; with none that passes it does not start. SIGINT or SIGTERM finish the requests in flight, then stop. The security settings (PATHFINDER_TOKEN_SECRET, PATHFINDER_JWKS, CORS_ORIGINS, RATE_LIMIT_PER_MINUTE, QUERY_TIMEOUT_MS, RESPONSE_CACHE_MB, AUDIT_LOG) are environment variables, described in SECURITY.md. Alerts of each new current release go to the subscriptions of subscriptions.json in the data directory (by webhook, and by email when SMTP_URL is set; PUBLIC_URL makes their links absolute): see SECURITY.md.",
  options: {
    data: DATA_OPTION,
    port: { type: 'string', arg: 'N', defaultText: `PORT, else ${ENV_DEFAULTS.PORT}`, description: 'TCP port to listen on; 0 picks a free one' },
    host: { type: 'string', arg: 'ADDRESS', defaultText: `HOST, else ${ENV_DEFAULTS.HOST}`, description: 'address to listen on' },
  },
  examples: ['', '--port 8080 --host 127.0.0.1', '--data demo-data'],
  async run({ values }, io) {
    boundHeapGrowth();
    const env = parseEnv();
    const dataDir = dataDirectory(values.data);
    const port = values.port === undefined ? env.PORT : intOption(values.port, 'port');
    const log = (line: Record<string, unknown>) => env.LOG_LEVEL === 'info' && io.out(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
    // Read before anything opens: a bad subscriptions.json stops the start, naming each bad field.
    const subscriptions = await loadSubscriptions(dataDir);
    // Set on SIGINT or SIGTERM: a background build the stop interrupts has not failed.
    let stopping = false;
    const buildFailed = (msg: string, release: OpenRelease) => (error: unknown) => {
      if (!stopping) io.err(`${JSON.stringify({ level: 'error', msg, release: release.manifest.id, error: String(error) })}\n`);
    };
    const store = await DuckDbStore.open(dataDir, {
      ...(env.DUCKDB_THREADS === undefined ? {} : { threads: env.DUCKDB_THREADS }),
      prepare: async (release) => {
        await prepareCampaignCubes(release);
        // Not awaited (these three): the release serves meanwhile, and a request for a cohort curve, a status table or a cube
        // waits for this same build. A failed build is left to the first request that needs it (the memo forgets it). The
        // cohort cubes (one scan of the events per dose) held a switch past the seconds an activated release has to serve in.
        prepareCohortCubes(release).catch(buildFailed('building cohort cubes failed', release));
        prepareStatusTables(release, log).catch(buildFailed('building attention statuses failed', release));
        prepareExplore(release).catch(buildFailed('building Explore cubes failed', release));
      },
    });
    const [tokenSecret, oidc] = await Promise.all([
      localTokenSecret(env, dataDir),
      env.PATHFINDER_JWKS ? openOidcVerifier(env.PATHFINDER_JWKS, { issuer: env.PATHFINDER_JWT_ISSUER, audience: env.PATHFINDER_JWT_AUDIENCE }) : null,
    ]);
    const audit = openAuditFile(env.AUDIT_LOG ?? path.join(dataDir, 'audit.log'));
    const userData = await openUserData(dataDir);
    // Always written (whatever LOG_LEVEL): without the file, notes and links cannot be written or read here.
    if (userData.error !== null) io.err(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: `${USER_DATA_FILE} cannot be opened (is another server using this data directory?): annotations and snapshots answer 503 and no alert is delivered`, error: userData.error })}\n`);
    const hasWeb = existsSync(WEB_DIST);
    const boundaries = await loadBoundaries(env);
    // Reports are the dashboard's print pages, printed against this app (bound late: it is built just below); Chromium starts with the first one.
    const printer = hasWeb ? loopbackPdfPrinter((request, bindings) => app.fetch(request, bindings)) : null;
    const app = createApp({
      store,
      boundaries,
      tokenSecret,
      oidc,
      corsOrigins: env.CORS_ORIGINS,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      queryTimeoutMs: env.QUERY_TIMEOUT_MS,
      cacheBytes: env.RESPONSE_CACHE_MB * 1024 * 1024,
      audit: audit.write,
      ...(hasWeb ? { webAssets: webAssets(WEB_DIST) } : {}),
      ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
      userData: userData.file,
      pdfPrinter: printer,
      log,
    });
    const running = await startServer(app.fetch, port, values.host ?? env.HOST);
    // Listened for before the server says it is up: a SIGTERM sent on reading that line must stop it gracefully.
    const stopSignal = untilSignal(['SIGINT', 'SIGTERM']);
    const release = store.current().manifest;
    const degradation = store.degradation();
    // Always written (whatever LOG_LEVEL): the operator must learn that the release asked for is not served.
    if (degradation) io.err(`${JSON.stringify({ time: new Date().toISOString(), level: 'warn', msg: 'serving an older release: the current one cannot be served', release: release.id, reason: degradation })}\n`);
    io.out(`Pathfinder Monitor on http://localhost:${running.port} (release ${release.id}${release.synthetic ? ', synthetic data' : ''}${degradation ? ', degraded: see /healthz' : ''})\n`);
    if (!hasWeb) io.err('web app not built: run `pnpm build` to serve the dashboard; the API is up\n');

    // Every attempt is a JSON line whatever LOG_LEVEL says: an operator must be able to see what was sent.
    const alertLog = (line: Record<string, unknown>) => (line.level === 'error' || line.level === 'warn' ? io.err : io.out)(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
    const alerts = startAlertDelivery({ userData: userData.file, userDataError: userData.error, subscriptions, env, store, statusTables: statusTable, origin: env.PUBLIC_URL ?? `http://localhost:${running.port}`, log: alertLog });
    const preparePrevious = (release: OpenRelease) =>
      preparePreviousRelease(store, release, log).catch(buildFailed('opening the release alerts compare with failed', release));
    void preparePrevious(store.current());
    store.watch((next) => {
      log({ msg: 'release switched', release: next.manifest.id });
      void preparePrevious(next);
      alerts?.released(next);
    });
    const stopReloading = onSignal('SIGHUP', () => {
      store.refresh().then(
        (switched) => {
          log({ msg: switched ? 'release switched on SIGHUP' : 'SIGHUP: release unchanged', release: store.current().manifest.id });
          if (switched) {
            void preparePrevious(store.current());
            alerts?.released(store.current());
          }
        },
        (error) => io.err(`${JSON.stringify({ level: 'error', msg: 'release switch on SIGHUP failed', serving: store.current().manifest.id, error: String(error) })}\n`),
      );
    });

    const signal = await stopSignal;
    stopping = true;
    log({ msg: `${signal}: finishing requests in flight` });
    stopReloading();
    await running.close();
    await printer?.close();
    await alerts?.stop();
    await stopExtractBuilds();
    await store.close();
    userData.file?.close();
    await audit.close();
    return 0;
  },
});
