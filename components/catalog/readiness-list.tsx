import type { ReadinessCheck } from "@/lib/catalog/readiness-rules";
import { readinessScore } from "@/lib/catalog/readiness-rules";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";

const tone = { pass: "green", fail: "red", skip: "neutral" } as const;
const word = { pass: "pass", fail: "fail", skip: "n/a" } as const;

export function ReadinessList({ checks, observedAt, note }: { checks: ReadinessCheck[]; observedAt?: string | null; note?: string }) {
  const score = readinessScore(checks);
  return (
    <section aria-label="Readiness checks" className="surface p-4">
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">Readiness</h2>
        <span className="muted text-xs" data-testid="readiness-summary">
          {score.percent === null ? "No check applies" : `${score.passed} of ${score.applicable} checks pass`}
          {observedAt ? (
            <>
              {" "}
              · configuration read <Time value={observedAt} />
            </>
          ) : null}
        </span>
      </div>
      {note ? (
        <p role="alert" className="mb-2 text-sm text-amber-800 dark:text-amber-300">
          {note}
        </p>
      ) : null}
      <ul className="divide-y divide-[var(--border)]">
        {checks.map((c) => (
          <li key={c.id} className="py-2" data-testid={`check-${c.id}`} data-status={c.status}>
            <div className="flex items-center gap-2">
              <Badge tone={tone[c.status]}>{word[c.status]}</Badge>
              <span className="text-sm font-medium">{c.title}</span>
            </div>
            <p className="mt-1 text-sm">{c.saw}</p>
            {c.fix ? (
              <p className="muted mt-0.5 text-sm">
                <span className="font-medium">Fix:</span> {c.fix}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
