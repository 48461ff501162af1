/**
 * A sliding-window log: the times of recent events per key. A window of `windowMs` ending at `now` holds the
 * events with `time > now - windowMs`, so two events exactly `windowMs` apart never share a window.
 */
export class SlidingWindowLog {
  private readonly events = new Map<string, number[]>();

  constructor(private windowMs: number) {}

  setWindow(windowMs: number): void {
    this.windowMs = windowMs;
  }

  /** Number of events of `key` in the window ending at `now`. */
  count(key: string, now: number): number {
    return this.prune(key, now).length;
  }

  add(key: string, now: number): number {
    const list = this.prune(key, now);
    list.push(now);
    return list.length;
  }

  /** Milliseconds until the window of `key` holds fewer than `limit` events. */
  msUntilBelow(key: string, limit: number, now: number): number {
    const list = this.prune(key, now);
    if (list.length < limit) return 0;
    const freeing = list[list.length - limit];
    return freeing === undefined ? 0 : freeing + this.windowMs - now;
  }

  clear(): void {
    this.events.clear();
  }

  private prune(key: string, now: number): number[] {
    let list = this.events.get(key);
    if (!list) {
      list = [];
      this.events.set(key, list);
    }
    const threshold = now - this.windowMs;
    let drop = 0;
    while (drop < list.length && (list[drop] as number) <= threshold) drop += 1;
    if (drop > 0) list.splice(0, drop);
    return list;
  }
}
