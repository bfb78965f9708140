// A price table: every figure the pricing module multiplies by, for one region, with where it
// came from and when someone last checked it. Validated with zod so a table that lacks a
// figure is refused at its field instead of pricing something at $0.
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { z } from "zod";

const price = (what: string) =>
  z
    .number({ error: `${what}: enter a price in USD` })
    .finite(`${what}: enter a price in USD`)
    .min(0, `${what} cannot be negative`);

export const appRunnerPricesSchema = z.object({
  /** active instances, per vCPU-hour */
  vcpuHour: price("App Runner vCPU-hour"),
  /** active instances, per GB-hour */
  gbHour: price("App Runner GB-hour"),
  /** idle provisioned instances pay memory only, per GB-hour */
  provisionedGbHour: price("App Runner provisioned GB-hour"),
  /** per application per month with automatic deployments on */
  autoDeployMonth: price("Automatic deployments"),
  buildMinute: price("Build minute"),
  /** App Runner charges nothing per request; kept so other products (and the generic example) can */
  requestsPerMillion: price("Requests per million"),
  dataOutGb: price("Data transfer out per GB"),
});

const fargateArchSchema = z.object({ vcpuHour: price("Fargate vCPU-hour"), gbHour: price("Fargate GB-hour") });

export const fargatePricesSchema = z.object({ x86: fargateArchSchema, arm: fargateArchSchema });

export const albPricesSchema = z.object({
  hour: price("ALB hour"),
  lcuHour: price("ALB LCU-hour"),
  servicesPerAlb: z.number().int("Services per ALB must be a whole number").min(1, "Services per ALB must be at least 1"),
});

export const priceFiguresSchema = z.object({
  appRunner: appRunnerPricesSchema,
  /** absent where no figure was checked for the region: the alternatives are then not priced */
  fargate: fargatePricesSchema.optional(),
  alb: albPricesSchema.optional(),
});

export type AppRunnerPrices = z.infer<typeof appRunnerPricesSchema>;
export type FargatePrices = z.infer<typeof fargatePricesSchema>;
export type AlbPrices = z.infer<typeof albPricesSchema>;
export type PriceFigures = z.infer<typeof priceFiguresSchema>;

export interface PriceTable {
  region: string;
  /** page address the figures were read from */
  source: string;
  /** ISO date (YYYY-MM-DD) the figures were last checked */
  checkedAt: string;
  notes?: string;
  prices: PriceFigures;
}

export const priceTableSchema = z.object({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "Enter an AWS region such as us-east-1"),
  source: z.url("Enter the address of the pricing page"),
  checkedAt: z.iso.date("Enter the date the prices were checked (YYYY-MM-DD)"),
  notes: z.string().max(500).optional(),
  prices: priceFiguresSchema,
});
