// App Runner's CPU/memory pairs. Any other pair is refused, with the valid ones listed,
// because App Runner itself refuses it and a price for it would be fiction.
export interface InstanceSize {
  vcpu: number;
  memoryGb: number;
}

export const instanceSizes: readonly InstanceSize[] = [
  { vcpu: 0.25, memoryGb: 0.5 },
  { vcpu: 0.25, memoryGb: 1 },
  { vcpu: 0.5, memoryGb: 1 },
  { vcpu: 1, memoryGb: 2 },
  { vcpu: 1, memoryGb: 3 },
  { vcpu: 1, memoryGb: 4 },
  { vcpu: 2, memoryGb: 4 },
  { vcpu: 2, memoryGb: 6 },
  { vcpu: 4, memoryGb: 8 },
  { vcpu: 4, memoryGb: 10 },
  { vcpu: 4, memoryGb: 12 },
];

export const sizeLabel = (s: InstanceSize): string => `${s.vcpu} vCPU / ${s.memoryGb} GB`;
/** "1/2" style key used in forms and stored inputs. */
export const sizeKey = (s: InstanceSize): string => `${s.vcpu}/${s.memoryGb}`;

export const validSizesMessage = (): string => `Valid sizes: ${instanceSizes.map(sizeLabel).join(", ")}.`;

export function isValidSize(s: InstanceSize): boolean {
  return instanceSizes.some((v) => v.vcpu === s.vcpu && v.memoryGb === s.memoryGb);
}

export class InvalidSizeError extends Error {
  constructor(s: InstanceSize) {
    super(`${sizeLabel(s)} is not an App Runner instance size. ${validSizesMessage()}`);
    this.name = "InvalidSizeError";
  }
}

export function assertValidSize(s: InstanceSize): InstanceSize {
  if (!isValidSize(s)) throw new InvalidSizeError(s);
  return s;
}

/** From App Runner's InstanceConfiguration strings ("1024" or "1 vCPU", "2048" or "2 GB"). */
export function sizeFromAppRunner(cpu: string | undefined, memory: string | undefined): InstanceSize | null {
  const vcpu = parseUnit(cpu, "vCPU", 1024);
  const memoryGb = parseUnit(memory, "GB", 1024);
  if (vcpu === null || memoryGb === null) return null;
  return { vcpu, memoryGb };
}

function parseUnit(v: string | undefined, unit: string, perUnit: number): number | null {
  if (!v) return null;
  const t = v.trim();
  if (t.endsWith(unit)) {
    const n = Number(t.slice(0, -unit.length).trim());
    return Number.isFinite(n) ? n : null;
  }
  const n = Number(t);
  return Number.isFinite(n) ? n / perUnit : null;
}
