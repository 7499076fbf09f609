/**
 * What Firefox's parent process can tell about a content process that a page cannot: its CPU time
 * (`ChromeUtils.requestProcInfo`, nanoseconds, every thread), its explicit memory after a GC and
 * CC in every process (the memory reporters about:memory reads), and its main thread's long tasks
 * (from the Gecko profiler's samples). Firefox has neither CDP's `Performance.getMetrics` nor the Long Tasks API.
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

/**
 * Starts the Gecko profiler on main threads, sampling every 2 ms without stacks (cheap: no stack
 * walk, no JS frames), for each sample's event delay and CPU time.
 */
export async function startProfiler(parent: ParentProcess): Promise<void> {
  await parent.evaluate(/* js */ `(async () => {
    await Services.profiler.StartProfiler(1 << 20, ${SAMPLE_MS}, ['cpu'], ['GeckoMain']);
    return 'started';
  })()`);
}

const SAMPLE_MS = 2;

export interface Task {
  /** How long it held the thread, ms (wall clock, as the Long Tasks API counts). */
  readonly wallMs: number;
  /** CPU time the thread used in it, ms: unlike wall time, not stretched by other processes. */
  readonly cpuMs: number;
}

/**
 * Stops the profiler and returns the tasks of `pid`'s main thread that ran for at least `minMs`
 * while it ran. Each sample carries the event delay, how long an input event arriving then would
 * wait: it grows while one task runs and falls when the next starts, so each rise is one task
 * (the Firefox Profiler's "jank" is a rise past 50 ms). The task's CPU time is the CPU the thread
 * used over the rise's samples (`threadCPUDelta`, in ns on Linux, µs elsewhere).
 */
export async function stopProfilerTasks(parent: ParentProcess, pid: number, minMs: number): Promise<Task[]> {
  return JSON.parse(
    await parent.evaluate(/* js */ `(async () => {
      const profile = await Services.profiler.getProfileDataAsync();
      Services.profiler.StopProfiler();
      const process = profile.processes.find((candidate) => candidate.threads.some((t) => t.pid === ${pid}));
      const thread = process && process.threads.find((t) => t.pid === ${pid} && t.name === 'GeckoMain');
      if (!thread) throw new Error('no profile of the main thread of process ${pid}');
      const units = process.meta.sampleUnits && process.meta.sampleUnits.threadCPUDelta;
      const toMs = units === 'ns' ? 1e-6 : 1e-3;
      const { schema, data } = thread.samples;
      const tasks = [];
      let peak = 0;
      let previous = 0;
      let cpu = 0;
      for (const sample of data) {
        const delay = sample[schema.eventDelay] || 0;
        // A new task starts the delay again from (nearly) nothing; within one it can dip a little.
        if (delay === 0 || delay < previous / 2) {
          if (peak >= ${minMs}) tasks.push({ wallMs: peak, cpuMs: cpu * toMs });
          peak = 0;
          cpu = 0;
        }
        peak = Math.max(peak, delay);
        previous = delay;
        cpu += sample[schema.threadCPUDelta] || 0;
      }
      if (peak >= ${minMs}) tasks.push({ wallMs: peak, cpuMs: cpu * toMs });
      return JSON.stringify(tasks);
    })()`),
  ) as Task[];
}
