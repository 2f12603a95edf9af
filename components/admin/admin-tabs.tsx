import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The admin area's sections; the current one is marked for screen readers too. */
export async function AdminTabs({ current }: { current: "units" | "users" | "import" | "reach" | "deliveries" }) {
  const t = await getTranslations("admin");
  const tabs = [
    { key: "units", href: "/admin/units", label: t("tabs.units") },
    { key: "users", href: "/admin/users", label: t("tabs.users") },
    { key: "import", href: "/admin/import", label: t("tabs.import") },
    { key: "reach", href: "/admin/reach", label: t("tabs.reach") },
    { key: "deliveries", href: "/admin/deliveries", label: t("tabs.deliveries") },
  ] as const;
  return (
    <nav aria-label={t("tabs.label")} className="flex flex-wrap gap-2">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`inline-flex min-h-10 items-center rounded-lg px-4 text-sm font-medium ${
            tab.key === current ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300"
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
