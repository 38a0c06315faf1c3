import type { AreaType, ReleaseMeta } from '@pathfinder/metrics';
import type { z } from 'zod';
import type { Caller } from '../auth/caller.ts';
import type { OpenRelease } from '../store/data-store.ts';

/** What every service call needs: the release pinned for the request and who is asking. */
export interface ServiceContext {
  readonly release: OpenRelease;
  readonly caller: Caller;
  /** Told the type of each area whose data goes into the answer (for the audit log). */
  readonly returned?: (type: AreaType) => void;
}

/** A route's validated query as its service takes it: the schema's output, less `format` (how the route writes the answer). */
export type ServiceInput<Schema extends z.ZodType> = Omit<z.output<Schema>, 'format'>;

/** What a data service answers: the route's body less `meta` (the route adds it), and the disclosure control applied. */
export type ServiceAnswer<Body extends { meta: ReleaseMeta }> = Omit<Body, 'meta'> & { readonly disclosure: ReleaseMeta['disclosure'] };
