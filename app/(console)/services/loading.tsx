import { ServicesTableSkeleton } from "@/components/services/services-table";

export default function Loading() {
  return <ServicesTableSkeleton />;
}
