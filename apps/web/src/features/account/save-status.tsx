import { useErrorText } from "../../ui/query-error.tsx";

interface SaveStatusProps {
  save: { isPending: boolean; isSuccess: boolean; isError: boolean; error: unknown };
  saving: string;
  saved: string;
}

/** What became of a choice saved as soon as it is made: announced while saving and once saved, or why not. */
export function SaveStatus({ save, saving, saved }: SaveStatusProps) {
  const errorText = useErrorText();
  return (
    <>
      <div role="status" className="account-page__status">
        {save.isPending ? saving : save.isSuccess ? saved : null}
      </div>
      {save.isError && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(save.error)}</p>
        </div>
      )}
    </>
  );
}
