/** Relative accuracy of percentiles: every value lands in a bucket at most 2% wide. */
const GAMMA = 1.02;
const LOG_GAMMA = Math.log(GAMMA);
const ZERO = -100_000;

/** Sparse log-scale histogram (DDSketch-like): bounded in size, mergeable, good for latency percentiles. */
export class Histogram {
  private readonly counts = new Map<number, number>();
  private total = 0;
  /** Bucket indexes in order, kept between quantile() calls (p50, p90 and p99 of one period) until a change. */
  private sorted: number[] | undefined;

  add(value: number, n = 1): void {
    const i = value > 1e-9 ? Math.ceil(Math.log(value) / LOG_GAMMA) : ZERO;
    this.counts.set(i, (this.counts.get(i) ?? 0) + n);
    this.total += n;
    this.sorted = undefined;
  }

  merge(other: Histogram): void {
    for (const [i, n] of other.counts) this.counts.set(i, (this.counts.get(i) ?? 0) + n);
    this.total += other.total;
    this.sorted = undefined;
  }

  clone(): Histogram {
    const h = new Histogram();
    h.merge(this);
    return h;
  }

  /** Value at quantile q in [0, 1], or undefined when empty. */
  quantile(q: number): number | undefined {
    if (!this.total) return undefined;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    this.sorted ??= [...this.counts.keys()].sort((a, b) => a - b);
    for (const i of this.sorted) {
      seen += this.counts.get(i) ?? 0;
      if (seen >= rank) return i === ZERO ? 0 : (2 * Math.pow(GAMMA, i)) / (GAMMA + 1);
    }
    return undefined;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  static fromJSON(data: Record<string, number>): Histogram {
    const h = new Histogram();
    for (const [k, n] of Object.entries(data)) {
      h.counts.set(Number(k), n);
      h.total += n;
    }
    return h;
  }
}
