import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  PATHFINDER_DATA: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['silent', 'info']).default('info'),
});

export type ServerEnv = z.infer<typeof envSchema>;

/** Parses the process environment once; a bad value fails fast, naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
