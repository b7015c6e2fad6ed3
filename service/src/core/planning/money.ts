/** "$12.50", "$40": dollars with cents only when there are any. */
export function money(amount: number): string {
  return `$${amount.toFixed(2).replace(/\.00$/, '')}`;
}
