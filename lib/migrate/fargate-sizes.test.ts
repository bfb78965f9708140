import { describe, expect, it } from "vitest";
import { instanceSizes } from "@/lib/pricing/instance-sizes";
import { fargateSizes, isFargateSize, mapToFargate } from "./fargate-sizes";

describe("Fargate size table", () => {
  it("has AWS's combinations: 0.25 vCPU with 0.5/1/2 GB, 4 vCPU with 8-30 GB, 16 vCPU in 8 GB steps", () => {
    expect(fargateSizes.filter((s) => s.cpu === 256).map((s) => s.memory)).toEqual([512, 1024, 2048]);
    expect(fargateSizes.filter((s) => s.cpu === 4096)).toHaveLength(23);
    expect(fargateSizes.filter((s) => s.cpu === 16384).map((s) => s.memory / 1024)).toEqual([32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120]);
    expect(isFargateSize({ cpu: 1024, memory: 3072 })).toBe(true);
    expect(isFargateSize({ cpu: 1024, memory: 1024 })).toBe(false);
  });

  it("every App Runner size exists on Fargate as it is", () => {
    for (const s of instanceSizes) {
      const m = mapToFargate(s);
      expect(m.exact, JSON.stringify(s)).toBe(true);
      expect(m.to).toEqual({ cpu: s.vcpu * 1024, memory: s.memoryGb * 1024 });
      expect(m.note).toBeUndefined();
    }
  });

  it("maps a size with no Fargate equivalent up to the next valid one, and says so", () => {
    expect(mapToFargate({ vcpu: 1, memoryGb: 1 })).toMatchObject({ to: { cpu: 1024, memory: 2048 }, exact: false });
    expect(mapToFargate({ vcpu: 2, memoryGb: 2 }).to).toEqual({ cpu: 2048, memory: 4096 });
    // 0.25 vCPU cannot have 3 GB: the memory wins and the CPU goes up.
    expect(mapToFargate({ vcpu: 0.25, memoryGb: 3 }).to).toEqual({ cpu: 512, memory: 3072 });
    expect(mapToFargate({ vcpu: 4, memoryGb: 40 }).to).toEqual({ cpu: 8192, memory: 40960 });
    expect(mapToFargate({ vcpu: 1, memoryGb: 1 }).note).toMatch(/mapped up to 1 vCPU \/ 2 GB/);
    expect(() => mapToFargate({ vcpu: 32, memoryGb: 2 })).toThrow(/larger than any Fargate task/);
  });
});
