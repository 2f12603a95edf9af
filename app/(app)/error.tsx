"use client";

import { RouteError } from "@/components/layout/error-notice";

/** Errors of a signed-in page whose layout rendered: the header stays, the page shows the error. */
export default function SignedInError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} />;
}
