import { TabSkeleton } from "@/components/services/tab-skeleton";

export default function Loading() {
  return <TabSkeleton />;
}
