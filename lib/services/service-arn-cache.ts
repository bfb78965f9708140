// Service pages are addressed by region + id; App Runner calls need the ARN, which also
// holds the account and name. Every list/describe/create remembers the mapping so a page
// rarely has to list the region to find it.
const globalForArns = globalThis as unknown as { runwayServiceArns?: Map<string, string> };
const arns = (globalForArns.runwayServiceArns ??= new Map<string, string>());

export function rememberServiceArn(region: string, id: string, arn: string): void {
  if (id && arn) arns.set(`${region}/${id}`, arn);
}

export function cachedServiceArn(region: string, id: string): string | undefined {
  return arns.get(`${region}/${id}`);
}
