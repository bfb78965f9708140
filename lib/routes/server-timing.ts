// A Server-Timing header (shown in the browser's network panel and read by `npm run bench`):
// how long each step of a route took, so a slow answer names its slow step.
export class ServerTiming {
  private readonly entries: { name: string; ms: number }[] = [];
  private readonly started = performance.now();

  /** Times one step; steps may run in parallel. */
  async time<T>(name: string, step: Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await step;
    } finally {
      this.entries.push({ name, ms: performance.now() - t });
    }
  }

  /** `name;dur=ms` for every step, plus `total` since the timer was made. */
  header(): string {
    const all = [...this.entries, { name: "total", ms: performance.now() - this.started }];
    return all.map((e) => `${e.name};dur=${e.ms.toFixed(1)}`).join(", ");
  }
}
