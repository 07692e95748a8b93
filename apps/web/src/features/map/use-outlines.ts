import { useEffect, useState } from "react";
import { loadOutlines, type Outlines } from "./outlines.ts";

type OutlinesState = { status: "pending" } | { status: "error" } | { status: "success"; outlines: Outlines };

/** The outlines for a map; a failed download leaves the map out, never the table beside it. */
export function useOutlines(): OutlinesState {
  const [state, setState] = useState<OutlinesState>({ status: "pending" });
  useEffect(() => {
    let live = true;
    loadOutlines().then(
      (outlines) => live && setState({ status: "success", outlines }),
      () => live && setState({ status: "error" }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
