import type { ReactNode } from "react";

interface ListButtonProps {
  /** The accessible name when the visible words alone would not say which row they act on. */
  label?: string;
  /** The row's main action (accept); the others are secondary. */
  primary?: boolean;
  disabled?: boolean;
  onPress: () => void;
  children: ReactNode;
}

/** A small button of a list: a row's action, a pager's step. */
export function ListButton({ label, primary = false, disabled = false, onPress, children }: ListButtonProps) {
  return (
    <button
      type="button"
      className={primary ? "button button--small" : "button button--secondary button--small"}
      disabled={disabled}
      aria-label={label}
      onClick={onPress}
    >
      {children}
    </button>
  );
}
