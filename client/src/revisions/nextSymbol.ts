const REVISION_SYMBOL = /^Rev\.(\d+)$/

/** The symbol that usually comes next: `Rev.1` after a zero draft, `Rev.3` after `Rev.2`. */
export function nextSymbol(symbols: readonly string[]): string {
  const numbers = symbols.map((symbol) => Number(REVISION_SYMBOL.exec(symbol)?.[1] ?? 0))
  return `Rev.${Math.max(0, ...numbers) + 1}`
}
