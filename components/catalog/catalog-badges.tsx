import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/services/status-badge";
import type { ReadinessScore } from "@/lib/catalog/readiness-rules";

export function EntryStatus({ status, gone }: { status: string; gone: boolean }) {
  return gone ? (
    <span data-testid="service-status" data-status="GONE">
      <Badge tone="neutral">gone</Badge>
    </span>
  ) : (
    <StatusBadge status={status} />
  );
}

export function TierBadge({ tier }: { tier: number | null }) {
  if (!tier) return <span className="muted">—</span>;
  return <Badge tone={tier === 1 ? "red" : tier === 2 ? "amber" : "neutral"}>{tier === 1 ? "Tier 1 · critical" : `Tier ${tier}`}</Badge>;
}

export function ScoreBadge({ score }: { score: ReadinessScore }) {
  if (score.percent === null) return <span className="muted">—</span>;
  const tone = score.percent === 100 ? "green" : score.percent >= 60 ? "amber" : "red";
  return (
    <span title={`${score.passed} of ${score.applicable} readiness checks pass`} data-testid="readiness-score">
      <Badge tone={tone}>
        {score.passed}/{score.applicable}
      </Badge>
    </span>
  );
}

export function OwnerCell({ owner }: { owner: string | null }) {
  return owner ? <span>{owner}</span> : <Badge tone="amber">No owner</Badge>;
}
