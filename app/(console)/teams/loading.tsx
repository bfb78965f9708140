// The section's placeholder while its page streams in (none above: the dashboard renders at once).
export { PageSkeleton as default } from "@/components/ui/page-skeleton";
