import { readFile } from 'node:fs/promises';

/** A memory line of /proc/<pid>/status in MiB (Linux): VmRSS, the resident set now, or VmHWM, its peak so far. */
async function statusMiB(pid: number, key: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = new RegExp(`^${key}:\\s+(\\d+)\\s+kB$`, 'm').exec(status)?.[1];
  if (kib === undefined) throw new Error(`no ${key} in /proc/${pid}/status`);
  return Number(kib) / 1024;
}

/** Resident set size of a running process in MiB, from VmRSS in /proc/<pid>/status (Linux). */
export const processRssMiB = (pid: number): Promise<number> => statusMiB(pid, 'VmRSS');

/**
 * The largest resident set a running process has had, in MiB (VmHWM: the kernel's high-water
 * mark over every thread of the process, so DuckDB's worker threads and its buffers are in it).
 */
export const processPeakRssMiB = (pid: number): Promise<number> => statusMiB(pid, 'VmHWM');
