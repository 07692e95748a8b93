import { useController } from "react-hook-form";
import { SelectField } from "../../ui/fields.tsx";
import { FormTerritoryComboBox } from "../territories/territory-combo-box.tsx";

type OwnTerritories = ReadonlyArray<{ territoryId: string; territoryName: string }>;

interface FormTerritoryFieldProps {
  /** The form's `${idPrefix}-${name}`, so that the focus on error finds the field. */
  id: string;
  name: string;
  label: string;
  /**
   * The territories a territory administrator picks among, in a plain list (the server would refuse any
   * other); null for an instance administrator, who searches the whole instance.
   */
  among: OwnTerritories | null;
  /** The list's hint (the search box has its own). */
  hint?: string | undefined;
  /** The list's first option, standing for no choice yet. */
  placeholder?: string | undefined;
}

/** Where a membership or an invitation applies; the field's value is the picked territory, or null. */
export function FormTerritoryField({ among, hint, placeholder, ...props }: FormTerritoryFieldProps) {
  return among ? (
    <OwnTerritorySelect {...props} among={among} hint={hint} placeholder={placeholder} />
  ) : (
    <FormTerritoryComboBox {...props} />
  );
}

function OwnTerritorySelect({
  id,
  name,
  label,
  among,
  hint,
  placeholder,
}: FormTerritoryFieldProps & { among: OwnTerritories }) {
  const { field, fieldState } = useController({ name });
  const options = among.map((mine) => ({ value: mine.territoryId, label: mine.territoryName }));
  return (
    <SelectField
      id={id}
      name={name}
      label={label}
      hint={hint}
      error={fieldState.error?.message}
      options={placeholder === undefined ? options : [{ value: "", label: placeholder }, ...options]}
      value={field.value?.id ?? ""}
      onChange={(event) => {
        const picked = among.find((mine) => mine.territoryId === event.target.value);
        field.onChange(picked ? { id: picked.territoryId, name: picked.territoryName } : null);
      }}
      onBlur={field.onBlur}
    />
  );
}
