import type { ReactNode } from "react";
import { Disclosure as AriaDisclosure, Button, DisclosurePanel, Heading } from "react-aria-components";
import "./disclosure.css";

interface DisclosureProps {
  /** The trigger's text: say what opening reveals ("Voir les 28 communes"). */
  title: ReactNode;
  /** The trigger sits in a heading so screen reader users find it by heading navigation. */
  headingLevel?: 2 | 3 | 4;
  defaultExpanded?: boolean;
  className?: string;
  children: ReactNode;
}

/** A section that opens and closes: React Aria wires aria-expanded, aria-controls and the keyboard. */
export function Disclosure({ title, headingLevel = 3, defaultExpanded = false, className, children }: DisclosureProps) {
  return (
    <AriaDisclosure className={className ? `disclosure ${className}` : "disclosure"} defaultExpanded={defaultExpanded}>
      <Heading level={headingLevel} className="disclosure__heading">
        <Button slot="trigger" className="disclosure__trigger">
          <span className="disclosure__chevron" aria-hidden="true" />
          {title}
        </Button>
      </Heading>
      <DisclosurePanel className="disclosure__panel">{children}</DisclosurePanel>
    </AriaDisclosure>
  );
}
