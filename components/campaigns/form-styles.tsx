/**
 * Styles and plain markup shared by the campaign editor's server and client
 * components. Not a client module: server components call these directly.
 */
const BUTTON = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50",
  danger: "bg-white text-red-700 ring-1 ring-red-200 hover:bg-red-50",
} as const;

export type ButtonVariant = keyof typeof BUTTON;

export function buttonClass(variant: ButtonVariant = "primary") {
  return `inline-flex min-h-10 shrink-0 items-center justify-center whitespace-nowrap rounded-lg px-4 py-2 text-sm font-medium disabled:opacity-60 ${BUTTON[variant]}`;
}

/** A labelled field in the editor's style; `hint` goes under it. */
export function Field({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      {children}
      {hint ? <span className="mt-1 block text-xs text-slate-500">{hint}</span> : null}
    </label>
  );
}

export const inputClass =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600";
