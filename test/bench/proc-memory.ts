// A process's resident memory as Linux reports it (VmRSS in /proc/<pid>/status), for the bench
// figures that report a server's memory (server-start, ingest).
import { readFile } from 'node:fs/promises';

/** The resident set of process `pid` in KiB, or undefined when the process is gone (or is a
 * zombie, which has no VmRSS line). */
export async function processRssKiB(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return kib ? Number(kib[1]) : undefined;
}
