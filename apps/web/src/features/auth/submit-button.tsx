interface SubmitButtonProps {
  /** While the request runs: the button says so and cannot send it twice. */
  pending: boolean;
  label: string;
  pendingLabel: string;
}

export function SubmitButton({ pending, label, pendingLabel }: SubmitButtonProps) {
  return (
    <button type="submit" className="button" disabled={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}
