import { AppHeader } from "@/components/layout/app-header";
import { requireContext } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const { membership } = await requireContext();
  return (
    <>
      <AppHeader membership={membership} />
      <main className="mx-auto max-w-6xl px-4 py-5">{children}</main>
    </>
  );
}
