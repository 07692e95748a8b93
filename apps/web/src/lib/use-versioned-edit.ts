import { useCallback, useReducer, useRef, useState } from "react";
import type { FieldValues } from "react-hook-form";
import { clearDraft, hasShapeOf, readDraft, writeDraft } from "./session-draft.ts";

/**
 * What the edit knows that the form does not: the stored values the input started from and the version
 * they were read at. `values` is the last input seen, for the draft and for a form mounted again.
 */
interface EditSession<V> {
  values: V;
  base: V;
  version: number;
}

interface Conflict<V> {
  theirs: V;
  version: number;
  /** The fields, among those the user changed, where they chose to keep the colleague's value. */
  keptTheirs: ReadonlySet<string>;
}

export type ConflictSide = "mine" | "theirs";

export interface ConflictField<V> {
  key: keyof V & string;
  /** The colleague changed it (otherwise only the user did, and the stored value is shown for comparison). */
  changedByColleague: boolean;
  /** For a field the user changed: which version they keep (theirs drops the user's change to it). */
  keep: ConflictSide | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedKeys<V extends FieldValues>(values: V, base: V): (keyof V & string)[] {
  return (Object.keys(values) as (keyof V & string)[]).filter((key) => !same(values[key], base[key]));
}

function pick<V extends FieldValues>(values: V, keys: readonly (keyof V)[]): Partial<V> {
  const picked: Partial<V> = {};
  for (const key of keys) picked[key] = values[key];
  return picked;
}

function restore<V extends FieldValues>(key: string | null, template: V): EditSession<V> | null {
  if (!key) return null;
  const draft = readDraft(key);
  if (!hasShapeOf(draft, { values: template, base: template, version: 0 })) return null;
  if (!hasShapeOf(draft.values, template) || !hasShapeOf(draft.base, template)) return null;
  return draft;
}

/**
 * An edit of a versioned entity that never loses what was typed. The form (react-hook-form) holds the
 * input; this holds the rest. Only the fields the user changed are sent, with the version they were read
 * at; when the server refuses it as stale (CONFLICT), the colleague's stored values sit beside the user's
 * until they choose, field by field: reapply their changes on the new version (the colleague's other
 * changes stay), or discard them. The input is kept in sessionStorage under `draftKey`, so an expired
 * session or a reload restores it.
 */
export function useVersionedEdit<V extends FieldValues>(draftKey: string | null, template: V) {
  const [restoredSession] = useState(() => restore(draftKey, template));
  // A ref, not state: a resend right after `reapply` must read the new version in the same event.
  const session = useRef(restoredSession);
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const [restored, setRestored] = useState(restoredSession !== null);
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);

  const keep = useCallback(
    (next: EditSession<V> | null) => {
      session.current = next;
      if (draftKey) {
        if (next) writeDraft(draftKey, next);
        else clearDraft(draftKey);
      }
    },
    [draftKey],
  );

  const open = useCallback(
    (next: EditSession<V> | null) => {
      keep(next);
      setConflict(null);
      setRestored(false);
      rerender();
    },
    [keep],
  );

  const start = useCallback((values: V, version: number) => open({ values, base: values, version }), [open]);
  const finish = useCallback(() => open(null), [open]);

  /** The input as typed, for the draft. */
  const track = useCallback(
    (values: V) => {
      if (session.current) keep({ ...session.current, values });
    },
    [keep],
  );

  /** The fields to send, and the version to send them with; null when nothing changed. */
  function pending(values: V): { patch: Partial<V>; version: number } | null {
    const current = session.current;
    if (!current) return null;
    const keys = changedKeys(values, current.base);
    return keys.length ? { patch: pick(values, keys), version: current.version } : null;
  }

  /**
   * My changes on top of the colleague's version: their other changes stay, and where both edited a
   * field, the version chosen for it (mine unless the user picked theirs). The values to put in the form;
   * the edit now starts from the colleague's version.
   */
  function reapply(values: V): V {
    const current = session.current;
    if (!current || !conflict) return values;
    const mine = changedKeys(values, current.base).filter((key) => !conflict.keptTheirs.has(key));
    const merged = { ...conflict.theirs, ...pick(values, mine) };
    keep({ values: merged, base: conflict.theirs, version: conflict.version });
    setConflict(null);
    return merged;
  }

  const choose = useCallback((key: keyof V & string, side: ConflictSide) => {
    setConflict((current) => {
      if (!current) return current;
      const keptTheirs = new Set(current.keptTheirs);
      if (side === "theirs") keptTheirs.add(key);
      else keptTheirs.delete(key);
      return { ...current, keptTheirs };
    });
  }, []);

  /** The fields where my input and the colleague's version differ, with the choice each one offers. */
  function conflictFields(values: V): ConflictField<V>[] {
    const base = session.current?.base;
    if (!base || !conflict) return [];
    return (Object.keys(values) as (keyof V & string)[]).flatMap((key) => {
      const changedByColleague = !same(conflict.theirs[key], base[key]);
      const changedByMe = !same(values[key], base[key]);
      if ((!changedByColleague && !changedByMe) || same(values[key], conflict.theirs[key])) return [];
      const keep = changedByMe ? (conflict.keptTheirs.has(key) ? "theirs" : "mine") : null;
      return [{ key, changedByColleague, keep }];
    });
  }

  return {
    editing: session.current !== null,
    /** The stored version the input started from (or was last reapplied on). */
    version: session.current?.version ?? null,
    /** What the form starts from: the stored values, a restored draft, or the input last seen. */
    values: session.current?.values ?? template,
    restored,
    /** The colleague's version, when a save was refused as stale. */
    theirs: conflict?.theirs ?? null,
    start,
    finish,
    track,
    pending,
    reapply,
    choose,
    conflictFields,
    onConflict: (theirs: V, version: number) => setConflict({ theirs, version, keptTheirs: new Set() }),
  };
}

export type VersionedEdit<V extends FieldValues> = ReturnType<typeof useVersionedEdit<V>>;
