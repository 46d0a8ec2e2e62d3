// Counts accepted requests per key over a sliding window: the shape of Graph's per-app limits.
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Records a request for `key` and says whether it fits in the window. Refused requests are not counted. */
  tryTake(key: string, nowMs: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(nowMs);
    this.hits.set(key, recent);
    return true;
  }
}
