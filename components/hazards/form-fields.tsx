import { useId } from "react";

const inputClass =
  "mt-1 block w-full rounded-xl border-0 bg-white px-3 py-2.5 text-base ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600";

interface BaseProps {
  label: string;
  name: string;
  required?: boolean;
  hint?: string;
}

function Label({ id, label, required, hint }: { id: string; label: string; required?: boolean; hint?: string }) {
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required ? <span className="ml-0.5 text-red-600" aria-hidden>*</span> : null}
      </label>
      {hint ? <p className="mt-0.5 text-xs text-slate-500">{hint}</p> : null}
    </>
  );
}

export function TextField({
  label,
  name,
  required,
  hint,
  defaultValue,
  maxLength,
  placeholder,
  type = "text",
  inputMode,
}: BaseProps & {
  defaultValue?: string | null;
  maxLength?: number;
  placeholder?: string;
  type?: "text" | "date";
  inputMode?: "decimal" | "text";
}) {
  const id = useId();
  return (
    <div>
      <Label id={id} label={label} required={required} hint={hint} />
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        defaultValue={defaultValue ?? undefined}
        maxLength={maxLength}
        placeholder={placeholder}
        inputMode={inputMode}
        className={inputClass}
      />
    </div>
  );
}

export function TextArea({
  label,
  name,
  required,
  hint,
  defaultValue,
  maxLength,
  placeholder,
  rows = 3,
}: BaseProps & { defaultValue?: string | null; maxLength?: number; placeholder?: string; rows?: number }) {
  const id = useId();
  return (
    <div>
      <Label id={id} label={label} required={required} hint={hint} />
      <textarea
        id={id}
        name={name}
        required={required}
        defaultValue={defaultValue ?? undefined}
        maxLength={maxLength}
        placeholder={placeholder}
        rows={rows}
        className={inputClass}
      />
    </div>
  );
}

export function SelectField({
  label,
  name,
  required,
  hint,
  defaultValue,
  options,
  placeholder,
}: BaseProps & { defaultValue?: string | null; options: { value: string; label: string }[]; placeholder?: string }) {
  const id = useId();
  return (
    <div>
      <Label id={id} label={label} required={required} hint={hint} />
      <select id={id} name={name} required={required} defaultValue={defaultValue ?? ""} className={inputClass}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A native file input: on a phone, image/* offers the camera as well as the album. */
export function FileField({
  label,
  name,
  required,
  hint,
  accept,
  multiple = true,
}: BaseProps & { accept: string; multiple?: boolean }) {
  const id = useId();
  return (
    <div>
      <Label id={id} label={label} required={required} hint={hint} />
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        multiple={multiple}
        required={required}
        className="mt-1 block w-full rounded-xl text-sm text-slate-600 ring-1 ring-slate-300 file:mr-3 file:min-h-11 file:cursor-pointer file:border-0 file:bg-brand-50 file:px-4 file:py-2.5 file:font-medium file:text-brand-700"
      />
    </div>
  );
}

export const PHOTO_ACCEPT = "image/*,.heic,.heif";
export const PLAN_ACCEPT = ".pdf,.docx,.jpg,.jpeg,.png";
