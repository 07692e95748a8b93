import { ListButton } from "./admin-list-button.tsx";

interface PagerStep {
  label: string;
  disabled: boolean;
  onPress: () => void;
}

interface ListPagerProps {
  /** Where the reader is in the list ("42 comptes — page 2 sur 3"), announced as it changes. */
  status?: string;
  /** False when it all fits on one page: no steps to show. */
  paged: boolean;
  previous: PagerStep;
  next: PagerStep;
}

export function ListPager({ status, paged, previous, next }: ListPagerProps) {
  return (
    <div className="admin-pager">
      {status !== undefined && <p role="status">{status}</p>}
      {paged && (
        <>
          <ListButton disabled={previous.disabled} onPress={previous.onPress}>
            {previous.label}
          </ListButton>
          <ListButton disabled={next.disabled} onPress={next.onPress}>
            {next.label}
          </ListButton>
        </>
      )}
    </div>
  );
}
