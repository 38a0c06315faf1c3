import type { OpenRelease } from '../store/data-store.ts';
import { AreaDirectory, type DirectoryArea } from '../store/area-directory.ts';
import { canSeeArea, type Caller } from './caller.ts';

/**
 * The release's areas as an `ics` caller may know them: another ICB's practices and PCNs are not
 * there, so asking for one by code answers exactly as an unknown code does (the same 404, from the
 * same lookup), instead of a 403 that confirms it exists. Levels are still listed whole, so a
 * request for another ICB's practice level is refused (403) as before. Other callers get the
 * release unchanged: the public is told that practices need a token, and region and admin see all.
 */
export function releaseForCaller(release: OpenRelease, caller: Caller): OpenRelease {
  if (caller.role !== 'ics') return release;
  return { ...release, areas: new CallerAreaDirectory(release.areas, caller) };
}

class CallerAreaDirectory extends AreaDirectory {
  constructor(
    private readonly all: AreaDirectory,
    private readonly caller: Caller,
  ) {
    super([]);
  }

  override get(code: string): DirectoryArea | undefined {
    const area = this.all.get(code);
    return area !== undefined && canSeeArea(this.caller, area) ? area : undefined;
  }

  override list(...args: Parameters<AreaDirectory['list']>): DirectoryArea[] {
    return this.all.list(...args);
  }
}
