// The service page's Cost tab: the last 7 days of real usage; the Costs page has other periods and saving.
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadServiceUsage } from "@/lib/costs/load-service-usage";
import { UsagePanel } from "@/components/costs/usage-panel";

export async function CostTab({ region, id }: { region: string; id: string }) {
  const usage = await loadServiceUsage(region, id, 7);
  if (!usage) notFound();
  const path = `/costs/usage/${region}/${id}`;
  return (
    <div className="space-y-3">
      <UsagePanel usage={usage} basePath={path} />
      <p className="text-sm">
        <Link href={path} className="text-[var(--accent)] hover:underline">
          Open in Costs
        </Link>{" "}
        <span className="muted">to save this estimate or compare it with scenarios.</span>
      </p>
    </div>
  );
}
