/** Request counts by route pattern, so tests and benchmarks can assert how often a client called upstream. */
export class RequestStats {
  private readonly counts = new Map<string, number>();

  count(routeKey: string): void {
    this.counts.set(routeKey, (this.counts.get(routeKey) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}
