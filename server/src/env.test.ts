import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('defaults to port 8787 and the .data directory', () => {
    expect(parseEnv({})).toMatchObject({ PORT: 8787, PATHFINDER_DATA: '.data' });
  });
  it('takes PORT from the environment', () => expect(parseEnv({ PORT: '9000' }).PORT).toBe(9000));
  it('fails fast naming a bad variable', () => expect(() => parseEnv({ PORT: 'abc' })).toThrow(/invalid environment variable PORT/));
});
