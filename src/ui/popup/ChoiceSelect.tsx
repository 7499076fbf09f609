interface Option {
  readonly id: string;
  readonly label: string;
}

interface Props {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly Option[];
  readonly onChange: (id: string) => void;
  readonly disabled?: boolean;
  /** Shown (and selected) when no option is chosen yet. */
  readonly placeholder?: string;
}

/** A labelled switcher: which device rings, which caller id shows, which SMS sender sends. */
export function ChoiceSelect({ id, label, value, options, onChange, disabled = false, placeholder }: Props) {
  const known = options.some((o) => o.id === value);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={known ? value : ''} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
        {!known ? (
          <option value="" disabled>
            {placeholder ?? ''}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
