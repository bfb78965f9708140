// One migration plan: decisions, what becomes what, what does not carry over, the image, the
// cutover and the request itself. Server-rendered; the plan holds no secret values.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { MigrationPlan } from "@/lib/migrate/build-plan";
import type { GapStatus } from "@/lib/migrate/gaps";
import { ReadinessBadge } from "./readiness-badge";

const gapTone = { applies: "amber", check: "blue", "not-used": "neutral" } as const;
const gapLabel: Record<GapStatus, string> = { applies: "applies", check: "check", "not-used": "not used" };

const Code = ({ children, label }: { children: string; label: string }) => (
  <pre aria-label={label} className="overflow-x-auto rounded bg-gray-50 p-3 font-mono text-xs whitespace-pre dark:bg-white/5">
    {children}
  </pre>
);

/** `children` (the cost table) goes right after readiness: it is what people look for first. */
export function PlanView({ plan, children }: { plan: MigrationPlan; children?: ReactNode }) {
  return (
    <div className="space-y-4">
      <section className="surface space-y-2 p-4" aria-label="Readiness">
        <p className="flex items-center gap-2 text-sm">
          Readiness to move: <ReadinessBadge readiness={plan.readiness} />
        </p>
        {plan.decisions.length ? (
          <ul aria-label="Decisions" className="list-disc space-y-1 pl-5 text-sm">
            {plan.decisions.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </section>

      {children}

      <section className="surface overflow-x-auto" aria-label="Mapping">
        <h3 className="px-3 pt-3 text-sm font-semibold">App Runner → ECS Express Mode (CreateExpressGatewayService)</h3>
        <table className="data-table" aria-label="What becomes what">
          <thead>
            <tr>
              <th>App Runner</th>
              <th>ECS Express Mode</th>
              <th>Value</th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((r) => (
              <tr key={r.ecs + r.appRunner}>
                <td>{r.appRunner}</td>
                <td className="font-mono text-xs">{r.ecs}</td>
                <td className="text-sm break-all">
                  {r.value}
                  {r.note ? <p className="muted text-xs break-normal">{r.note}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="surface overflow-x-auto" aria-label="What does not carry over">
        <h3 className="px-3 pt-3 text-sm font-semibold">What does not carry over</h3>
        <table className="data-table" aria-label="Gaps">
          <thead>
            <tr>
              <th>App Runner feature</th>
              <th>This service</th>
              <th>Nearest replacement</th>
            </tr>
          </thead>
          <tbody>
            {plan.gaps.map((g) => (
              <tr key={g.id} data-testid={`gap-${g.id}`}>
                <td className="font-medium">
                  {g.title} <Badge tone={gapTone[g.status]}>{gapLabel[g.status]}</Badge>
                </td>
                <td className="text-sm">{g.today}</td>
                <td className="text-sm">{g.replacement}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {plan.image ? (
        <section className="surface space-y-2 p-4" aria-label="Image">
          <h3 className="text-sm font-semibold">Image: Dockerfile and the commands to build and push it</h3>
          <Code label="Dockerfile">{plan.image.dockerfile}</Code>
          <Code label="Image commands">{plan.image.commands.join("\n")}</Code>
        </section>
      ) : null}

      <section className="surface space-y-3 p-4" aria-label="Cutover checklist">
        <h3 className="text-sm font-semibold">Cutover checklist</h3>
        <ol className="space-y-3">
          {plan.cutover.map((s, i) => (
            <li key={s.title} className="space-y-1">
              <p className="text-sm font-medium">
                {i + 1}. {s.title}
              </p>
              <p className="muted text-xs">{s.detail}</p>
              <Code label={`Commands: ${s.title}`}>{s.commands.join("\n")}</Code>
            </li>
          ))}
        </ol>
      </section>

      <details className="surface p-4">
        <summary className="cursor-pointer text-sm font-semibold">express-service.json and IAM</summary>
        <div className="mt-2 space-y-2">
          <Code label="express-service.json">{JSON.stringify(plan.request, null, 2)}</Code>
          <Code label="IAM commands">{plan.iam.commands.join("\n")}</Code>
        </div>
      </details>
    </div>
  );
}
