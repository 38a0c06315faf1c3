import type { ReleaseVerificationError } from '@pathfinder/metrics';

/** What a command prints when a release fails verification: each bad file on a line, then what is still current. */
export function verificationRefusal(error: ReleaseVerificationError, current: string | null): string {
  const files = error.problems.map((p) => `  ${p.file}: ${p.problem}\n`).join('');
  return `release ${error.releaseId} refused: its files do not match its manifest\n${files}nothing changed; ${current ? `release ${current} is still current` : 'no release is current'}\n`;
}
