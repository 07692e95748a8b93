import type { ComponentProps, ReactNode } from "react";
import { DialogActions } from "./dialog-actions.tsx";
import { SchemaForm } from "./schema-form.tsx";

type DialogFormProps = Omit<ComponentProps<typeof DialogActions>, "pending" | "paused"> & {
  form: ComponentProps<typeof SchemaForm>["form"] & { actions: { pending: boolean; paused: boolean } };
  children: ReactNode;
};

/** The form of a dialog: its fields, then the offline notice, submit and cancel, worded by the caller. */
export function DialogForm({ form, children, ...actions }: DialogFormProps) {
  return (
    <SchemaForm form={form}>
      {children}
      <DialogActions {...form.actions} {...actions} />
    </SchemaForm>
  );
}
