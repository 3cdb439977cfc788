/**
 * `index`, or one less when cutting `text` there would split a surrogate pair (an emoji, say) and so
 * send invalid Unicode.
 */
export function safeCut(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}
