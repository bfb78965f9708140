"use client";
import { SegmentError } from "@/components/services/segment-error";

export default function ServicesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError error={error} reset={reset} what="services" />;
}
