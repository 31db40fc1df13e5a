import { Button, Checkbox, Empty, Flex, Input, Switch, Typography } from "antd";
import { useMemo, useState } from "react";

type Option = { id: string; name: string };

/**
 * Choose a group's member units: a searchable checklist. antd's Transfer would fit, but its item checkboxes
 * carry no accessible name (axe: critical "label"); here every checkbox is labelled by its unit name.
 */
export function MemberPicker({
  options,
  value,
  onChange,
  disabled,
}: {
  options: readonly Option[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState("");
  const [onlySelected, setOnlySelected] = useState(false);
  const selected = useMemo(() => new Set(value), [value]);
  const shown = options.filter(
    (o) => (!onlySelected || selected.has(o.id)) && (!search.trim() || o.name.includes(search.trim())),
  );

  const toggle = (id: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(id);
    else next.delete(id);
    // Keep the registry's order, so the saved list reads like the table.
    onChange(options.filter((o) => next.has(o.id)).map((o) => o.id));
  };
  const setShown = (checked: boolean) => {
    const next = new Set(selected);
    for (const o of shown) {
      if (checked) next.add(o.id);
      else next.delete(o.id);
    }
    onChange(options.filter((o) => next.has(o.id)).map((o) => o.id));
  };

  return (
    <div style={{ border: "1px solid #d9d9d9", borderRadius: 8, padding: 12 }}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder="搜索单位"
          aria-label="搜索单位"
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 220 }}
        />
        <Switch
          size="small"
          checked={onlySelected}
          onChange={setOnlySelected}
          aria-label="只看已选"
          id="member-picker-only-selected"
        />
        <label htmlFor="member-picker-only-selected">只看已选</label>
        <Typography.Text type="secondary" style={{ marginInlineStart: "auto" }}>
          已选 {value.length} / {options.length} 个单位
        </Typography.Text>
      </Flex>
      <Flex gap={8} style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => setShown(true)} disabled={disabled || shown.length === 0}>
          全选列表中的单位
        </Button>
        <Button size="small" onClick={() => setShown(false)} disabled={disabled || shown.length === 0}>
          取消选择列表中的单位
        </Button>
      </Flex>
      <div role="group" aria-label="成员单位" style={{ maxHeight: 320, overflow: "auto" }}>
        {shown.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的单位" />
        ) : (
          shown.map((o) => (
            <div key={o.id} style={{ padding: "2px 0" }}>
              <Checkbox
                checked={selected.has(o.id)}
                disabled={disabled}
                onChange={(e) => toggle(o.id, e.target.checked)}
              >
                {o.name}
              </Checkbox>
            </div>
          ))
        )}
      </div>
    </div>
  );
}
