// The parts of an App Runner ARN the plan needs: arn:aws:apprunner:<region>:<account>:service/<name>/<id>.
export function arnParts(arn: string): { partition: string; region: string; account: string } {
  const [, partition = "aws", , region = "", account = ""] = arn.split(":");
  return { partition, region, account: /^\d{12}$/.test(account) ? account : "<account-id>" };
}
