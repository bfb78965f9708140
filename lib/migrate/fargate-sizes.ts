// Fargate's valid task sizes (CPU units / MiB), and App Runner sizes mapped onto them. Every App
// Runner size exists on Fargate; anything else (a runtime or an old API answer with an odd pair)
// goes up to the smallest valid size that holds it, never down, so the app never gets less.
import type { InstanceSize } from "@/lib/pricing/instance-sizes";

export interface FargateSize {
  /** CPU units (1024 = 1 vCPU), as ECS writes them */
  cpu: number;
  /** MiB */
  memory: number;
}

const GB = 1024;
const range = (from: number, to: number, step: number): number[] => Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);

/** https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size */
export const fargateMemoryByCpu: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1 * GB, 2 * GB]],
  [512, range(1 * GB, 4 * GB, GB)],
  [1024, range(2 * GB, 8 * GB, GB)],
  [2048, range(4 * GB, 16 * GB, GB)],
  [4096, range(8 * GB, 30 * GB, GB)],
  [8192, range(16 * GB, 60 * GB, 4 * GB)],
  [16384, range(32 * GB, 120 * GB, 8 * GB)],
]);

export const fargateSizes: readonly FargateSize[] = [...fargateMemoryByCpu].flatMap(([cpu, mems]) => mems.map((memory) => ({ cpu, memory })));

export const isFargateSize = (s: FargateSize): boolean => fargateMemoryByCpu.get(s.cpu)?.includes(s.memory) ?? false;

export const fargateSizeLabel = (s: FargateSize): string => `${s.cpu / 1024} vCPU / ${s.memory / GB} GB`;

export const toInstanceSize = (s: FargateSize): InstanceSize => ({ vcpu: s.cpu / 1024, memoryGb: s.memory / GB });

export interface SizeMapping {
  from: InstanceSize;
  to: FargateSize;
  exact: boolean;
  /** set when the size changed: what and why, for the plan */
  note?: string;
}

/** The smallest Fargate size with at least the vCPU and memory (fewest vCPUs first: they cost most). */
export function mapToFargate(from: InstanceSize): SizeMapping {
  const cpu = Math.ceil(from.vcpu * 1024);
  const memory = Math.ceil(from.memoryGb * GB);
  const to = fargateSizes.find((s) => s.cpu >= cpu && s.memory >= memory);
  if (!to) throw new RangeError(`${from.vcpu} vCPU / ${from.memoryGb} GB is larger than any Fargate task (16 vCPU / 120 GB).`);
  const exact = to.cpu === cpu && to.memory === memory;
  return exact
    ? { from, to, exact }
    : { from, to, exact, note: `${from.vcpu} vCPU / ${from.memoryGb} GB is not a Fargate size: mapped up to ${fargateSizeLabel(to)}, the smallest valid size that holds it.` };
}
