import { Badge, type Tone } from "@/components/ui/badge";
import { readinessLabels, type Readiness } from "@/lib/migrate/build-plan";

const tones: Record<Readiness, Tone> = { ready: "green", "needs-image": "blue", "needs-decisions": "amber" };

export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  return <Badge tone={tones[readiness]}>{readinessLabels[readiness]}</Badge>;
}
