import { redirect } from "next/navigation";
import { homePath } from "@/lib/auth/permissions";
import { getMembership } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Sends each role to its own home. */
export default async function Home() {
  const membership = await getMembership();
  redirect(membership ? homePath(membership.role) : "/login");
}
