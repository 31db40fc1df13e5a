import { Space, Typography } from "antd";
import { Link } from "react-router";
import type { DocumentDetail } from "@luoshi/contract";

type DocumentLink = DocumentDetail["upstream"][number];

/** Documents cited or citing by 文号: a link when the document is stored, the 文号 and title otherwise. */
export function DocumentLinks({ links, empty }: { links: readonly DocumentLink[]; empty: string }) {
  if (links.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {links.map((link, index) => {
        const label = link.title ? `${link.docNumber}《${link.title.replace(/^《|》$/g, "")}》` : link.docNumber;
        return link.documentId ? (
          <Link key={`${link.documentId}:${index}`} to={`/documents/${link.documentId}`}>
            {label}
          </Link>
        ) : (
          <Typography.Text key={`${link.docNumber}:${index}`}>
            {label}
            <Typography.Text type="secondary">（未导入）</Typography.Text>
          </Typography.Text>
        );
      })}
    </Space>
  );
}
