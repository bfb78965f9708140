"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ConnectionView } from "@/lib/connections/connection-view";
import { selectAwsContext } from "@/lib/aws/context-actions";

/** Header switchers for the current connection and region (stored in cookies by a Server Action). */
export function ContextSwitcher({ connections, connectionId, region }: { connections: Pick<ConnectionView, "id" | "name" | "regions" | "defaultRegion">[]; connectionId: string | null; region: string | null }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const current = connections.find((c) => c.id === connectionId);
  if (!current) return null;

  function choose(nextConnection: string, nextRegion: string) {
    start(async () => {
      const res = await selectAwsContext({ connectionId: nextConnection, region: nextRegion });
      if (res.ok) router.refresh();
    });
  }

  return (
    <div className="flex items-center gap-2 text-xs" aria-busy={pending}>
      <label className="sr-only" htmlFor="ctx-connection">
        Connection
      </label>
      <select
        id="ctx-connection"
        data-testid="connection-switcher"
        className="input !w-auto !py-1 !text-xs"
        value={current.id}
        disabled={pending}
        onChange={(e) => {
          const c = connections.find((x) => x.id === e.target.value);
          if (c) choose(c.id, c.defaultRegion);
        }}
      >
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="ctx-region">
        Region
      </label>
      <select id="ctx-region" data-testid="region-switcher" className="input !w-auto !py-1 !text-xs" value={region ?? current.defaultRegion} disabled={pending} onChange={(e) => choose(current.id, e.target.value)}>
        {current.regions.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </div>
  );
}
