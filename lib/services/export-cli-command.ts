// A service's configuration as the `aws apprunner create-service` command that recreates it.
// Every argument is single-quoted for POSIX shells, so values cannot break out of the command.
import type { CreateServiceCommandInput } from "@aws-sdk/client-apprunner";
import { serviceFormSchema } from "./service-form-schema";
import { toFormValues, type ServiceView } from "./service-view";
import { toCreateServiceInput } from "./to-create-service-input";

/** POSIX single-quote: safe for any byte string except NUL. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export const secretPlaceholder = (name: string) => `<secret ARN or value for ${name}>`;

/** The create input for an existing service, secrets replaced by placeholders. */
export function exportCreateInput(view: ServiceView, tags: { key: string; value: string }[] = []): CreateServiceCommandInput {
  const values = toFormValues(view);
  values.env = (values.env ?? []).map((e) => (e.secret ? { ...e, value: secretPlaceholder(e.name), keep: false } : e));
  values.tags = tags;
  const parsed = serviceFormSchema.parse(values);
  return toCreateServiceInput(parsed);
}

export function exportCliCommand(
  view: ServiceView,
  options: { region: string; endpointUrl?: string; tags?: { key: string; value: string }[] },
): string {
  const input = exportCreateInput(view, options.tags);
  const args: string[] = ["aws", "apprunner", "create-service"];
  if (options.endpointUrl) args.push("--endpoint-url", shellQuote(options.endpointUrl));
  args.push("--region", shellQuote(options.region));
  args.push("--service-name", shellQuote(input.ServiceName ?? ""));
  args.push("--source-configuration", shellQuote(JSON.stringify(input.SourceConfiguration)));
  if (input.InstanceConfiguration) args.push("--instance-configuration", shellQuote(JSON.stringify(input.InstanceConfiguration)));
  if (input.HealthCheckConfiguration) args.push("--health-check-configuration", shellQuote(JSON.stringify(input.HealthCheckConfiguration)));
  if (input.AutoScalingConfigurationArn) args.push("--auto-scaling-configuration-arn", shellQuote(input.AutoScalingConfigurationArn));
  if (input.Tags?.length) args.push("--tags", shellQuote(JSON.stringify(input.Tags)));
  // One argument per line keeps long JSON readable and still pastes as one command.
  const lines: string[] = [args.slice(0, 3).join(" ")];
  for (let i = 3; i < args.length; i += 2) lines.push(`  ${args[i]} ${args[i + 1] ?? ""}`.trimEnd());
  return lines.join(" \\\n");
}
