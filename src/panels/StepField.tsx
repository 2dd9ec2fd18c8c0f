/** A labelled step number (0 … total), as the export and embed dialogs ask for a range of the run. */
export function StepField({
  label,
  value,
  total,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  total: number;
  onChange: (step: number) => void;
  testId: string;
}) {
  return (
    <label>
      <span>{label}</span>
      <input
        type="number"
        min={0}
        max={total}
        value={value}
        // What is typed is clamped to the run: a step past its end, a fraction or nothing at all.
        onChange={(e) => onChange(Math.max(0, Math.min(total, Math.round(Number(e.currentTarget.value) || 0))))}
        data-testid={testId}
      />
    </label>
  );
}
