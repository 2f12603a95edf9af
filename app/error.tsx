"use client";

import { RouteError } from "@/components/layout/error-notice";

/**
 * Errors of the root page, the sign-in and public pages, and the signed-in
 * layout (whose membership read is where a database outage shows first).
 */
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="flex min-h-dvh items-center justify-center">
      <RouteError error={error} retry={retry} />
    </main>
  );
}
