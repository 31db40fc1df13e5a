import { Select } from "antd";
import { useOrgNames } from "../../components/use-org.ts";

/** For the office: whose task list to look at, searchable over every name of the units it may see. */
export function UnitPicker({ value, onChange }: { value: string | undefined; onChange: (id: string) => void }) {
  const org = useOrgNames();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Select
      aria-label="选择单位"
      placeholder="搜索并选择单位"
      style={{ width: 320 }}
      value={value}
      onChange={onChange}
      loading={org.loading}
      showSearch={{ optionFilterProp: "search" }}
      options={org.units
        .filter((u) => !u.validTo || u.validTo >= today)
        .map((u) => ({
          value: u.id,
          label: u.name,
          search: [u.name, u.shortName ?? "", ...u.names.map((n) => n.name)].join(" "),
        }))}
    />
  );
}
