import { TextInput } from '@mantine/core';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  label?: string;
}

/** A text field, not a number field: the person sees "12.5" refused with a sentence instead of it being rounded away. */
export function AmountInput({ value, onChange, error, label = 'Amount' }: Props) {
  return (
    <TextInput
      label={label}
      description="Whole won, 1 to 1,000,000,000,000"
      inputMode="numeric"
      autoComplete="off"
      required
      value={value}
      error={error ?? undefined}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
