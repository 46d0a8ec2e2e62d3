// Runs a command to completion and measures it from outside: wall time and peak resident memory.
// Peak RSS comes from GNU time (%M, the kernel's maxrss of the child) when /usr/bin/time exists,
// otherwise from polling VmHWM in /proc/<pid>/status (may miss a peak in the last 50 ms).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildRun {
  code: number | null;
  wallMs: number;
  peakRssBytes: number;
  /** User + system CPU seconds of the child (GNU time only; 0 when polling). */
  cpuSeconds: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export function peakMethod(): string {
  return existsSync(GNU_TIME) ? 'GNU time %M (maxrss)' : '/proc VmHWM polled every 50 ms';
}

export async function runMeasured(command: string, args: readonly string[]): Promise<ChildRun> {
  const useTime = existsSync(GNU_TIME);
  const timeOut = join(tmpdir(), `takeback-bench-time-${process.pid}-${Date.now()}`);
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeOut, command, ...args]] : [command, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  let polledKb = 0;
  const poll = useTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) polledKb = Math.max(polledKb, Number(m[1]));
        } catch {
          // The process has just exited.
        }
      }, 50);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  });
  const wallMs = performance.now() - started;
  if (poll) clearInterval(poll);
  let peakKb = polledKb;
  let cpuSeconds = 0;
  if (useTime) {
    // GNU time writes "Command exited with non-zero status N" before the figures when the child fails.
    const [maxrss, user, sys] = (readFileSync(timeOut, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    peakKb = maxrss ?? 0;
    cpuSeconds = (user ?? 0) + (sys ?? 0);
    rmSync(timeOut, { force: true });
  }
  return { code, wallMs, peakRssBytes: peakKb * 1024, cpuSeconds, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
