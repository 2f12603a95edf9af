/**
 * The message under a form when the server refused it: boxed under a whole
 * form, plain beside a single button. Nothing when there is no message.
 */
export function FormError({
  message,
  inline = false,
  id,
  className = "",
}: {
  message: string | null | undefined;
  inline?: boolean;
  id?: string;
  className?: string;
}) {
  if (!message) return null;
  const look = inline ? "text-sm text-red-700" : "rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200";
  return (
    <p id={id} role="alert" className={`${look} ${className}`.trim()}>
      {message}
    </p>
  );
}
