import { z } from 'zod';
import { SEVERITIES } from '../attention/attention-rules.ts';
import { DOMAINS } from '../catalogue/indicator-spec.ts';
import { ICBS } from '../geography/london-geography.ts';

const ICB_CODES = ICBS.map((i) => i.code) as [string, ...string[]];

/**
 * One subscription of `subscriptions.json` (in the data directory): who receives the alerts of each
 * new release, for which scope, and how. `role` and `icb` scope the alerts exactly as a token with the
 * same claims would; an `ics` subscription needs its ICB.
 */
export const subscriptionSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dot, dash and underscore (at most 64)'),
    role: z.enum(['public', 'ics', 'region']),
    icb: z.enum(ICB_CODES).optional(),
    domains: z.array(z.enum(DOMAINS)).min(1).optional(),
    minSeverity: z.enum(SEVERITIES).default('watch').describe('alerts whose severity (current, or previous when resolved) is this or more urgent'),
    webhook: z.object({ url: z.url({ protocol: /^https?$/ }), secret: z.string().min(16, 'at least 16 characters') }).strict().optional(),
    email: z.object({ to: z.array(z.email()).min(1).or(z.email().transform((to) => [to])) }).strict().optional(),
  })
  .strict()
  .refine((s) => s.role !== 'ics' || s.icb !== undefined, { message: 'an ics subscription needs its icb', path: ['icb'] })
  .refine((s) => s.role === 'ics' || s.icb === undefined, { message: 'only an ics subscription has an icb', path: ['icb'] })
  .refine((s) => s.webhook !== undefined || s.email !== undefined, { message: 'a subscription needs a webhook or an email', path: ['webhook'] });

export const subscriptionsFileSchema = z.array(subscriptionSchema).superRefine((subs, ctx) => {
  const seen = new Set<string>();
  subs.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', message: `id ${s.id} repeats`, path: [i, 'id'] });
    seen.add(s.id);
  });
});

export type Subscription = z.output<typeof subscriptionSchema>;

/** The payload POSTed to a subscription's webhook (signed with `X-Pathfinder-Signature: sha256=<hex HMAC of the body>`). */
export interface WebhookPayload<Alert> {
  readonly subscription: string;
  readonly release: string;
  readonly previousRelease: string;
  readonly alerts: readonly Alert[];
}
