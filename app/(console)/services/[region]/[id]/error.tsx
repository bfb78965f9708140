"use client";
import { SegmentError } from "@/components/services/segment-error";

export default function ServiceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError error={error} reset={reset} what="this service" />;
}
