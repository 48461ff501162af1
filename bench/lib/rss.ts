import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** Resident memory of a process in bytes: `current` (VmRSS) and the kernel's high-water mark `peak` (VmHWM). */
export interface MemoryReading {
  currentBytes: number;
  peakBytes: number | null;
}

/**
 * Reads a process's memory. Linux: `/proc/<pid>/status` (VmHWM is the peak the kernel saw over the whole life of the
 * process, so no sample can miss a spike). Elsewhere: `ps -o rss=` (current only; the sampler keeps the maximum).
 */
export async function readMemory(pid: number): Promise<MemoryReading | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kilobytes = (field: string): number | null => {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
      return match ? Number(match[1]) * 1024 : null;
    };
    const current = kilobytes("VmRSS");
    if (current !== null) return { currentBytes: current, peakBytes: kilobytes("VmHWM") };
  } catch {
    // No procfs (macOS) or the process is gone: fall through to ps.
  }
  try {
    const { stdout } = await execFileAsync("ps", ["-o", "rss=", "-p", String(pid)]);
    const kilobytes = Number(stdout.trim());
    return Number.isFinite(kilobytes) && kilobytes > 0
      ? { currentBytes: kilobytes * 1024, peakBytes: null }
      : null;
  } catch {
    return null;
  }
}

/** Polls a process's RSS and remembers the highest value seen (combined with VmHWM where the kernel offers it). */
export class RssSampler {
  readonly #pid: number;
  #timer: NodeJS.Timeout | undefined;
  #maxSeen = 0;
  #reading: Promise<void> | undefined;

  constructor(pid: number) {
    this.#pid = pid;
  }

  start(intervalMs = 100): void {
    this.#timer = setInterval(() => {
      this.#reading ??= this.sample()
        .then(() => undefined)
        .finally(() => {
          this.#reading = undefined;
        });
    }, intervalMs);
    this.#timer.unref();
  }

  /** Takes one reading now and returns the peak so far in bytes. */
  async sample(): Promise<number> {
    const reading = await readMemory(this.#pid);
    if (reading) this.#maxSeen = Math.max(this.#maxSeen, reading.currentBytes, reading.peakBytes ?? 0);
    return this.#maxSeen;
  }

  /** Stops polling; returns the peak in bytes, or null if the process could never be read. */
  async stop(): Promise<number | null> {
    clearInterval(this.#timer);
    await this.#reading;
    const peak = await this.sample();
    return peak > 0 ? peak : null;
  }
}
