import { redirect } from "next/navigation";
import { requireContext } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The admin area opens on its first section. */
export default async function AdminPage() {
  await requireContext("unit.manage");
  redirect("/admin/units");
}
