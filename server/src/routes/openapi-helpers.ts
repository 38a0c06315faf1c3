import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../http/api-error.ts';
import { problemSchema } from '@pathfinder/metrics';
import type { ZodType } from 'zod';

/** A problem+json response entry for route declarations. */
export const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

/**
 * The 200 entry. With `format=csv` the same rows come back as text/csv; that variant is described
 * in words only, so the typed client keeps a single JSON type for the answer.
 */
export const jsonOrCsv = <T extends ZodType>(schema: T, description: string) => ({
  description: `${description}. With format=csv: the rows as text/csv with Fingertips-style column names.`,
  content: { 'application/json': { schema } },
});

export const COMMON_ERRORS = {
  400: problem('A parameter is invalid, or not one the route declares (the problem names it)'),
  401: problem('A token is missing, invalid or expired, or the data needs one'),
  403: problem('The token does not allow this data'),
  404: problem('The indicator, area or period does not exist'),
} as const;

/** A Hono sub-app whose request validation failures become 400 problems naming the parameter. */
export const routesApp = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const name = issue?.path.join('.') || 'request';
        throw new ApiError(400, 'invalid_parameter', `invalid parameter ${name}: ${issue?.message ?? 'invalid'}`);
      }
    },
  });
