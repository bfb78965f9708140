import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { homeHref } from "@/lib/nav";

export default async function Home() {
  await requireUser();
  redirect(homeHref());
}
