import "./programme-name.css";

export interface NamedProgramme {
  name: string;
  /** The funder's own short name (FEDER, DSIL…); empty when the programme has none. */
  acronym: string;
}

/**
 * A programme is named the same way on every screen: its short name, with the full name shown on hover
 * and on keyboard focus. Both are in the text, so a screen reader hears the full name too, and a search
 * of the page finds either. A programme without a short name is simply its name.
 */
export function ProgrammeName({ programme }: { programme: NamedProgramme }) {
  const short = programme.acronym.trim();
  if (short === "" || short === programme.name) return <>{programme.name}</>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the full name must be reachable by keyboard, not only by mouse
    <span className="programme-name" tabIndex={0}>
      <abbr className="programme-name__short">{short}</abbr>
      <span className="programme-name__full">{programme.name}</span>
    </span>
  );
}

/** The short name alone, where only plain text fits (chart labels, option lists). */
export const programmeShortName = (programme: NamedProgramme): string => programme.acronym.trim() || programme.name;
