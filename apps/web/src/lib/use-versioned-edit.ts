import { useCallback, useEffect, useState } from "react";
import { clearDraft, hasShapeOf, readDraft, writeDraft } from "./session-draft.ts";

/** The form's values, the stored values they started from, and the version those were read at. */
interface EditState<V> {
  values: V;
  base: V;
  version: number;
}

interface Conflict<V> {
  theirs: V;
  version: number;
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

function changedKeys<V extends object>(state: EditState<V>): (keyof V & string)[] {
  return (Object.keys(state.values) as (keyof V & string)[]).filter((key) => !same(state.values[key], state.base[key]));
}

function pick<V extends object>(values: V, keys: readonly (keyof V)[]): Partial<V> {
  const picked: Partial<V> = {};
  for (const key of keys) picked[key] = values[key];
  return picked;
}

function restore<V extends object>(key: string | null, template: V): EditState<V> | null {
  if (!key) return null;
  const draft = readDraft(key);
  if (!hasShapeOf(draft, { values: template, base: template, version: 0 })) return null;
  if (!hasShapeOf(draft.values, template) || !hasShapeOf(draft.base, template)) return null;
  return draft;
}

/**
 * An edit of a versioned entity that never loses what was typed. Only the fields the user changed are
 * sent, with the version they were read at; when the server refuses it as stale (CONFLICT), the
 * colleague's stored values sit beside the user's until they choose: reapply their changes on the new
 * version (the colleague's other changes stay), or discard them. While editing, the input is kept in
 * sessionStorage under `draftKey`, so an expired session or a reload restores it.
 */
export function useVersionedEdit<V extends object>(draftKey: string | null, template: V) {
  const [state, setState] = useState<EditState<V> | null>(() => restore(draftKey, template));
  const [restored, setRestored] = useState(() => state !== null);
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);
  /** The fields, among those the user changed, where they chose to keep the colleague's value. */
  const [keptTheirs, setKeptTheirs] = useState<ReadonlySet<string>>(() => new Set());

  useEffect(() => {
    if (draftKey && state) writeDraft(draftKey, state);
  }, [draftKey, state]);

  const start = useCallback((values: V, version: number) => {
    setState({ values, base: values, version });
    setConflict(null);
    setKeptTheirs(new Set());
    setRestored(false);
  }, []);

  const finish = useCallback(() => {
    setState(null);
    setConflict(null);
    setKeptTheirs(new Set());
    setRestored(false);
    if (draftKey) clearDraft(draftKey);
  }, [draftKey]);

  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setState((current) => current && { ...current, values: { ...current.values, [key]: value } });
  }, []);

  /** The fields to send, and the version to send them with; null when nothing changed. */
  function pending(): { patch: Partial<V>; version: number } | null {
    if (!state) return null;
    const keys = changedKeys(state);
    return keys.length ? { patch: pick(state.values, keys), version: state.version } : null;
  }

  /**
   * My changes on top of the colleague's version: their other changes stay, and where both edited
   * a field, the version chosen for it (mine unless the user picked theirs). Null when the user kept
   * theirs everywhere: there is nothing left to send.
   */
  function reapply(): { patch: Partial<V>; version: number } | null {
    if (!state || !conflict) return null;
    const mine = changedKeys(state).filter((key) => !keptTheirs.has(key));
    const values = { ...conflict.theirs, ...pick(state.values, mine) };
    setState({ values, base: conflict.theirs, version: conflict.version });
    setConflict(null);
    setKeptTheirs(new Set());
    return mine.length ? { patch: pick(values, mine), version: conflict.version } : null;
  }

  const choose = useCallback((key: keyof V & string, side: ConflictSide) => {
    setKeptTheirs((current) => {
      const next = new Set(current);
      if (side === "theirs") next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const conflictFields: ConflictField<V>[] = [];
  if (state && conflict) {
    for (const key of Object.keys(state.values) as (keyof V & string)[]) {
      const changedByColleague = !same(conflict.theirs[key], state.base[key]);
      const changedByMe = !same(state.values[key], state.base[key]);
      if ((changedByColleague || changedByMe) && !same(state.values[key], conflict.theirs[key])) {
        const keep = changedByMe ? (keptTheirs.has(key) ? "theirs" : "mine") : null;
        conflictFields.push({ key, changedByColleague, keep });
      }
    }
  }

  return {
    editing: state !== null,
    /** The stored version the input started from (or was last reapplied on). */
    version: state?.version ?? null,
    values: state?.values ?? template,
    restored,
    conflict,
    conflictFields,
    start,
    set,
    finish,
    pending,
    reapply,
    choose,
    onConflict: (theirs: V, version: number) => {
      setConflict({ theirs, version });
      setKeptTheirs(new Set());
    },
  };
}
