import type { TableColumnsType } from "antd";

/** Table columns whose cells start at the top: rows of long texts and lists read better than centred. */
export function topAligned<T>(columns: TableColumnsType<T>): TableColumnsType<T> {
  return columns.map((column) => ({ ...column, onCell: () => ({ style: { verticalAlign: "top" } }) }));
}
