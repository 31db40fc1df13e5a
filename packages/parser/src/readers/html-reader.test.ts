import { describe, expect, it } from "vitest";
import { readHtml } from "./html-reader.ts";

function text(html: string): string {
  const result = readHtml(html);
  if (!result.ok) throw new Error(result.error.message);
  return result.text;
}

describe("readHtml", () => {
  it("turns rowspan and colspan into canonical table rows", () => {
    const html = `<p>附件</p><table>
      <tr><th></th><th>工作任务</th><th>评价标准</th><th>责任单位</th></tr>
      <tr><td colspan="4">一、着眼稳定预期</td></tr>
      <tr><td rowspan="2">(一) 深入解读</td><td>1. 围绕<br>重点任务</td><td>评价\t数量</td><td>各单位</td></tr>
      <tr><td>2. 同步部署</td><td rowspan="2">评价</td><td>市局</td></tr>
      <tr><td>(二) 回应关切</td><td>1. 回应</td><td>市府</td></tr>
    </table><p>完</p>`;
    expect(text(html)).toBe(
      [
        "附件",
        "",
        "\t工作任务\t评价标准\t责任单位",
        "一、着眼稳定预期\t\t\t",
        "(一) 深入解读\t1. 围绕 重点任务\t评价 数量\t各单位",
        "\t2. 同步部署\t评价\t市局",
        "(二) 回应关切\t1. 回应\t\t市府",
        "",
        "完",
        "",
      ].join("\n"),
    );
  });

  it("puts block elements and <br> on their own lines, decodes entities and collapses spaces", () => {
    expect(text("<div>各县（市、区）：<br/>为贯彻&nbsp;落实   2019 年&lt;要点&gt;</div><p>一、</p>")).toBe(
      "各县（市、区）：\n为贯彻 落实 2019 年<要点>\n一、\n",
    );
  });

  it("drops scripts, styles, navigation, breadcrumbs, share bars and footers", () => {
    const html = `<html><head><title>标题_网站</title><style>p{}</style></head><body>
      <script>document.write("x")</script><nav><a>首页</a></nav>
      <div class="main-nav">政务公开 政务服务</div><div id="breadcrumb">首页 &gt; 文件</div>
      <div class="content"><p>正文第一段</p></div>
      <div class="bdsharebuttonbox">分享到</div>
      <div class="footer">网站地图 主办单位 粤ICP备05000000号</div></body></html>`;
    expect(text(html)).toBe("正文第一段\n");
  });

  it("drops small hidden elements, such as a duplicate title", () => {
    expect(text('<h1 style="display: none">标题</h1><div hidden>菜单</div><p>正文</p>')).toBe("正文\n");
  });

  it("keeps a large wrapper even when its class looks like chrome", () => {
    const body = "各地、各部门要高度重视。".repeat(200);
    expect(text(`<div class="top"><p>${body}</p></div>`)).toBe(`${body}\n`);
  });

  it("drops the site's 信息公开 metadata, as a table or as a list, with a warning", () => {
    const table = `<table><tr><td>索引号：</td><td>123</td><td>主题分类：</td><td>综合</td></tr>
      <tr><td>发布机构：</td><td>市政府办公室</td><td>成文日期：</td><td>2019-07-31</td></tr></table><p>通知正文</p>`;
    const fromTable = readHtml(table);
    expect(fromTable).toMatchObject({ ok: true, text: "通知正文\n" });
    expect(fromTable.ok && fromTable.warnings.map((w) => w.code)).toEqual(["HTML_METADATA_DROPPED"]);
    const list = `<ul><li>索引号：123</li><li>发文机关：市政府</li><li>发文字号：江府办〔2022〕7号</li></ul><p>通知正文</p>`;
    const fromList = readHtml(list);
    expect(fromList).toMatchObject({ ok: true, text: "通知正文\n" });
    expect(fromList.ok && fromList.warnings[0]?.message).toContain("索引号");
  });

  it("keeps a document's own table whose header happens to name 发文字号 and 成文日期", () => {
    const html = `<table><tr><td>文件名称</td><td>发文字号</td><td>成文日期</td></tr>
      <tr><td>关于印发要点的通知</td><td>国办发〔2022〕8号</td><td>2022-04-11</td></tr></table>`;
    expect(text(html)).toBe("文件名称\t发文字号\t成文日期\n关于印发要点的通知\t国办发〔2022〕8号\t2022-04-11\n");
  });

  it("reads layout tables as paragraphs and keeps the data table nested inside them", () => {
    const html = `<table><tr><td><p>标题</p><table><tr><td>序号</td><td>任务</td></tr><tr><td>1</td><td>公开</td></tr></table></td></tr></table>`;
    expect(text(html)).toBe("标题\n\n序号\t任务\n1\t公开\n");
  });

  it("survives 100,000 levels of nesting", () => {
    const deep = `${"<div>".repeat(100_000)}深层正文${"</div>".repeat(100_000)}`;
    expect(text(deep)).toBe("深层正文\n");
    const unclosed = `${"<table><tr><td>".repeat(100_000)}单元格`;
    expect(() => readHtml(unclosed)).not.toThrow();
    expect(text(unclosed)).toContain("单元格");
  });
});
