import { type HealthStatus, healthStatusLabels } from "@trame/core";
import { useFormat } from "../../i18n/format.ts";

/** One shape per verdict, so the status reads without colour; the text says it in words too. */
function StatusIcon({ status }: { status: HealthStatus }) {
  switch (status) {
    case "good":
      return (
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M4.5 8.2 7 10.6l4.6-5" fill="none" stroke="#fff" strokeWidth="1.8" />
        </svg>
      );
    case "watch":
      return (
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 1.2 15 14.5H1z" fill="currentColor" />
          <path d="M8 5.5v4.5M8 11.6v1.2" stroke="#fff" strokeWidth="1.6" />
        </svg>
      );
    case "weak":
      return (
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="1" y="1" width="14" height="14" rx="2" fill="currentColor" />
          <path d="m5 5 6 6M11 5l-6 6" stroke="#fff" strokeWidth="1.8" />
        </svg>
      );
    case "insufficient_data":
      return (
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeDasharray="2.4 1.6" />
          <path
            d="M6.2 6.2a1.9 1.9 0 1 1 2.5 1.8c-.5.2-.7.6-.7 1.1v.6M8 11.4v1.1"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
          />
        </svg>
      );
  }
}

export function HealthStatusBadge({ status }: { status: HealthStatus }) {
  const format = useFormat();
  return (
    <span className={`health-status health-status--${status}`}>
      <StatusIcon status={status} />
      <span>{format.label(healthStatusLabels[status])}</span>
    </span>
  );
}
