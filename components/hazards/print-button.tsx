"use client";

/** Opens the browser's print dialog (A4, see the notice page's print CSS). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-11 rounded-xl bg-brand-600 px-5 text-sm font-semibold text-white hover:bg-brand-700 print:hidden"
    >
      {label}
    </button>
  );
}
