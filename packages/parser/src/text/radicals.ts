/**
 * PDF text layers (and text copied out of them) often carry radical look-alikes instead of ideographs: a font's
 * ToUnicode map points the glyph for 门 at U+2ED4 ⻔, for 民 at U+2EA0 ⺠. They render identically but break every
 * string match downstream (unit names, 〔〕 numbers, keywords), so they are mapped back before parsing.
 *
 * Only three blocks change: CJK Radicals Supplement (no Unicode decompositions, hence the explicit table, taken
 * from Unicode 14 EquivalentUnifiedIdeograph.txt), Kangxi Radicals and CJK Compatibility Ideographs (both have
 * NFKC decompositions to the unified ideograph). NFKC is never applied to the whole text: full-width punctuation
 * and digits must stay as printed.
 */

/** Pairs "radical + unified ideograph", from EquivalentUnifiedIdeograph.txt, U+2E81–U+2EF3. */
const SUPPLEMENT_PAIRS = [
  "⺁厂 ⺂乛 ⺃乚 ⺄乙 ⺅亻 ⺆冂 ⺇𠘨 ⺈刀 ⺉刂 ⺊卜 ⺋㔾 ⺌小 ⺍小 ⺎兀 ⺏尣 ⺐尢",
  "⺑𡯂 ⺒巳 ⺓幺 ⺔彑 ⺕彐 ⺖忄 ⺗心 ⺘扌 ⺙攵 ⺛旡 ⺜日 ⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵",
  "⺢氺 ⺣灬 ⺤爫 ⺥爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 ⺪𤴔 ⺫目 ⺬示 ⺭礻 ⺮𥫗 ⺯糹 ⺰纟 ⺱罓",
  "⺲罒 ⺳㓁 ⺴冗 ⺵𦉫 ⺶羊 ⺷𦍌 ⺸𦍋 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺽𦥑 ⺾艹 ⺿艹 ⻀艹 ⻁虎",
  "⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻇𧢲 ⻈讠 ⻉贝 ⻊𧾷 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻏邑 ⻐钅 ⻑長",
  "⻒镸 ⻓长 ⻔门 ⻕𨸏 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻞𩙿 ⻟飠 ⻠饣 ⻡𩠐",
  "⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻱龜",
  "⻲亀 ⻳龟",
];

const LOOK_ALIKES = /[\u2E80-\u2FDF\uF900-\uFAFF]/;
const LOOK_ALIKES_GLOBAL = /[\u2E80-\u2FDF\uF900-\uFAFF]/g;

const TABLE: ReadonlyMap<string, string> = buildTable();

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const row of SUPPLEMENT_PAIRS) {
    for (const pair of row.split(" ")) {
      const [radical, ideograph] = [...pair];
      if (radical && ideograph) table.set(radical, ideograph);
    }
  }
  const addNfkc = (from: number, to: number) => {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const mapped = ch.normalize("NFKC");
      if (mapped !== ch && [...mapped].length === 1) table.set(ch, mapped);
    }
  };
  addNfkc(0x2f00, 0x2fdf);
  addNfkc(0xf900, 0xfaff);
  return table;
}

/** Radical and compatibility look-alikes → unified ideographs; every other character is left as it is. */
export function normalizeRadicals(text: string): string {
  if (!LOOK_ALIKES.test(text)) return text;
  return text.replace(LOOK_ALIKES_GLOBAL, (ch) => TABLE.get(ch) ?? ch);
}
