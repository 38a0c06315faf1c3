import { parseArgs } from 'node:util';
import { launchChromium } from '../e2e/chromium.ts';
import { exploreFirstAnswer } from './explore-first-answer.ts';
import { summarise } from './figures.ts';

/**
 * `pnpm --filter @pathfinder/tests bench:explore-first --url URL [--token TOKEN] [--runs N] [--timeout S] [--skip-public]`:
 * seconds from navigation to Explore's first result against a running server, as the public
 * and (with --token) with that token, each over N fresh visits.
 */
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    runs: { type: 'string', default: '5' },
    timeout: { type: 'string', default: '180' },
    'skip-public': { type: 'boolean', default: false },
  },
});
if (!values.url) throw new Error('--url is required (the server, e.g. http://127.0.0.1:8787)');
const runs = Number(values.runs);
if (!(Number.isInteger(runs) && runs > 0)) throw new Error(`--runs must be a positive integer (got ${values.runs})`);

const browser = await launchChromium();
try {
  for (const [who, token] of [['public', null], ['token', values.token ?? null]] as const) {
    if ((who === 'token' && !token) || (who === 'public' && values['skip-public'])) continue;
    const seconds: (number | null)[] = [];
    for (let i = 0; i < runs; i++) {
      const visit = await exploreFirstAnswer(browser, values.url, token, Number(values.timeout) * 1000);
      seconds.push(visit.seconds);
      console.log(`${who} run ${i + 1}: ${visit.seconds === null ? `no answer within ${values.timeout} s` : `${visit.seconds.toFixed(2)} s (${visit.source})`}, ${(visit.extractBytes / 1_048_576).toFixed(2)} MB of extracts`);
    }
    const answered = seconds.filter((s): s is number => s !== null);
    if (answered.length > 0) {
      const { median, p95 } = summarise(answered);
      console.log(`${who}: first result median ${median.toFixed(2)} s, p95 ${p95.toFixed(2)} s (${answered.length} of ${runs} runs answered)`);
    } else {
      console.log(`${who}: no run answered a query`);
    }
  }
} finally {
  await browser.close();
}
