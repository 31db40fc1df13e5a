const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  "○": 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Value of a Chinese numeral as used in outline numbering and dates: 一 … 九十九, 一百零一, 二〇一九 (digit by digit). */
export function chineseToNumber(text: string): number | undefined {
  if (text.length === 0) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  // Year style: every char a digit (二〇一九).
  if (!/[十百千]/.test(text)) {
    let value = 0;
    for (const ch of text) {
      const d = DIGITS[ch];
      if (d === undefined) return undefined;
      value = value * 10 + d;
    }
    return value;
  }
  let total = 0;
  let current = 0;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      current = d;
      continue;
    }
    const unit = ch === "十" ? 10 : ch === "百" ? 100 : ch === "千" ? 1000 : 0;
    if (unit === 0) return undefined;
    total += (current === 0 ? 1 : current) * unit;
    current = 0;
  }
  return total + current;
}

const SMALL = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五: the inverse used to predict the next outline number. */
export function numberToChinese(n: number): string {
  if (n < 10) return SMALL[n] ?? "";
  if (n < 20) return "十" + (n % 10 === 0 ? "" : SMALL[n % 10]);
  if (n < 100) return (SMALL[Math.floor(n / 10)] ?? "") + "十" + (n % 10 === 0 ? "" : SMALL[n % 10]);
  const rest = n % 100;
  const head = (SMALL[Math.floor(n / 100)] ?? "") + "百";
  if (rest === 0) return head;
  return head + (rest < 10 ? "零" + SMALL[rest] : rest < 20 ? "一" + numberToChinese(rest) : numberToChinese(rest));
}
