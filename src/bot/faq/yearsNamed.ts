/** The years from 2000 to 2099 a question names in digits ("в 2027 году", "2027 жылы", "im Jahr 2027", "fees 2027?"), each once, in order. */
export function yearsNamed(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(/(?<![\p{N}.,:/-])(20\d\d)(?![\p{N}]|[.,:/-]\p{N})/gu)) {
    const year = Number(m[1]);
    if (!years.includes(year)) years.push(year);
  }
  return years;
}
