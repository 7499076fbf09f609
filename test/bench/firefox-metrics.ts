/**
 * What Firefox's parent process can tell about a content process that a page cannot: its CPU time
 * (`ChromeUtils.requestProcInfo`, nanoseconds, every thread), its explicit memory after a GC and
 * CC in every process (the memory reporters about:memory reads), and its main thread's busy
 * stretches (the Gecko profiler's "Awake" markers, each one wake of the thread with the CPU time it
 * used). Firefox has neither CDP's `Performance.getMetrics` nor the Long Tasks API.
 *
 * The code run in the parent process is written as strings: tsx would add helpers to a serialized
 * function that the chrome context does not have.
 */
import type { ParentProcess } from '../support/firefox-parent';

export interface ContentProcess {
  readonly pid: number;
  /** CPU time of the whole process (every thread) since it started, ms. */
  readonly cpuMs: number;
  /** The documents it holds (top frames and iframes). */
  readonly urls: readonly string[];
}

export async function contentProcesses(parent: ParentProcess): Promise<ContentProcess[]> {
  return JSON.parse(
    await parent.evaluate(/* js */ `(async () => {
      const info = await ChromeUtils.requestProcInfo();
      return JSON.stringify(info.children
        .filter((child) => child.type === 'web' || child.type === 'webIsolated')
        .map((child) => ({
          pid: child.pid,
          cpuMs: child.cpuTime / 1e6,
          urls: child.windows.map((window) => window.documentURI ? window.documentURI.spec : ''),
        })));
    })()`),
  ) as ContentProcess[];
}

/**
 * Explicit memory (what about:memory calls "explicit": heap and non-heap allocations, JS included)
 * of each process by pid, in MB, after "minimize memory usage" (GC and CC, three rounds, in every
 * process), so garbage does not count.
 */
export async function explicitMemoryMb(parent: ParentProcess): Promise<Map<number, number>> {
  const byPid: Record<string, number> = JSON.parse(
    await parent.evaluate(/* js */ `(async () => {
      const manager = Cc['@mozilla.org/memory-reporter-manager;1'].getService(Ci.nsIMemoryReporterManager);
      await new Promise((resolve) => manager.minimizeMemoryUsage(resolve));
      const bytes = {};
      await new Promise((resolve) => manager.getReports(
        (process, path, kind, units, amount) => {
          const pid = /\\(pid (\\d+)/.exec(process);
          if (pid && path.startsWith('explicit/') && units === Ci.nsIMemoryReporter.UNITS_BYTES) {
            bytes[pid[1]] = (bytes[pid[1]] || 0) + amount;
          }
        },
        null, resolve, null, false));
      return JSON.stringify(bytes);
    })()`),
  );
  return new Map(Object.entries(byPid).map(([pid, bytes]) => [Number(pid), bytes / 1024 / 1024]));
}

/** Starts the Gecko profiler for main threads, markers only (no stack sampling, which would cost). */
export async function startProfiler(parent: ParentProcess): Promise<void> {
  await parent.evaluate(/* js */ `(async () => {
    await Services.profiler.StartProfiler(1 << 20, 1, ['cpu', 'nostacksampling'], ['GeckoMain']);
    return 'started';
  })()`);
}

export interface Wake {
  /** Wall-clock length of the wake, ms. */
  readonly wallMs: number;
  /** CPU time the thread used in it, ms: unlike wall time, not stretched by other processes. */
  readonly cpuMs: number;
}

/**
 * Stops the profiler and returns the wakes of `pid`'s main thread while it ran. A wake lasts until
 * the thread's event queue is empty, so it may hold several tasks run back to back: a busy stretch
 * no input could interrupt only where its tasks are long, an upper bound on the longest task.
 */
export async function stopProfilerWakes(parent: ParentProcess, pid: number): Promise<Wake[]> {
  return JSON.parse(
    await parent.evaluate(/* js */ `(async () => {
      const profile = await Services.profiler.getProfileDataAsync();
      Services.profiler.StopProfiler();
      const thread = profile.processes.flatMap((process) => process.threads)
        .find((candidate) => candidate.pid === ${pid} && candidate.name === 'GeckoMain');
      if (!thread) return '[]';
      const { schema, data } = thread.markers;
      const wakes = [];
      let start;
      for (const row of data) {
        if (thread.stringTable[row[schema.name]] !== 'Awake') continue;
        const phase = row[schema.phase];
        // 1: one marker for the whole wake; 2 and 3: its start, then its end with the CPU time.
        if (phase === 1) {
          wakes.push({ wallMs: row[schema.endTime] - row[schema.startTime], cpuMs: row[schema.data]['CPU Time'] || 0 });
        }
        if (phase === 2) start = row[schema.startTime];
        if (phase === 3 && start !== undefined) {
          wakes.push({ wallMs: row[schema.endTime] - start, cpuMs: row[schema.data]['CPU Time'] || 0 });
          start = undefined;
        }
      }
      return JSON.stringify(wakes);
    })()`),
  ) as Wake[];
}
