import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** A command's wall time and the CPU time it and everything it started used (Linux: from /proc). */
export interface CommandCost {
  wallMs: number;
  exitCode: number | null;
  /** What the command wrote to stderr. */
  stderr: string;
  /** CPU seconds of Chromium's processes and of the others (`node`: npm, the shell, Node), or null without /proc. */
  cpu: Record<string, number> | null;
}

const TICKS = 100; // USER_HZ on Linux

/** Every process's parent and CPU time (user + system, s), read from /proc. */
function processes(): Map<number, { ppid: number; cpu: number; exe: string }> {
  const out = new Map<number, { ppid: number; cpu: number; exe: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const exe = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      out.set(Number(name), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS, exe });
    } catch {
      // The process ended while the list was read.
    }
  }
  return out;
}

/**
 * Runs `command` and measures its wall time and, sampling /proc every 100 ms, the CPU time of it
 * and its descendants (Chromium's renderers are not children Node waits for, so the process's own
 * rusage misses them). A process's last sample counts: up to 100 ms of a process that ends
 * between samples is missed. Under a loaded machine the CPU time, not the wall time, says how
 * much work the export is.
 */
export function commandCost(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<CommandCost> {
  const linux = os.platform() === 'linux' && existsSync('/proc/self/stat');
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const last = new Map<number, { kind: string; cpu: number }>();
  const sample = (): void => {
    if (!linux || child.pid === undefined) return;
    const all = processes();
    const tree = new Set([child.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, p] of all) {
        if (tree.has(p.ppid) && !tree.has(pid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    for (const pid of tree) {
      const p = all.get(pid);
      if (p) last.set(pid, { kind: /chrom/i.test(p.exe) ? 'chromium' : 'node', cpu: p.cpu });
    }
  };
  const timer = setInterval(sample, 100);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      if (!linux) return resolve({ wallMs, exitCode: code, stderr, cpu: null });
      const cpu: Record<string, number> = {};
      for (const { kind, cpu: s } of last.values()) cpu[kind] = (cpu[kind] ?? 0) + s;
      resolve({ wallMs, exitCode: code, stderr, cpu });
    });
  });
}
