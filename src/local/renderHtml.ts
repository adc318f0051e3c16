/** ANSI styles for the terminal; all empty when colour is off (not a TTY, or NO_COLOR). */
export interface Styles {
  bold: (s: string) => string;
  italic: (s: string) => string;
  dim: (s: string) => string;
  accent: (s: string) => string;
}

const wrap = (open: string, close: string) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function makeStyles(color: boolean): Styles {
  if (!color) return { bold: (s) => s, italic: (s) => s, dim: (s) => s, accent: (s) => s };
  return { bold: wrap("1", "22"), italic: wrap("3", "23"), dim: wrap("2", "22"), accent: wrap("36", "39") };
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'" };

/**
 * Turns a message in Telegram's HTML parse mode into terminal text: bold and italic become ANSI
 * styles, links show their address, other tags are dropped and entities decoded.
 */
export function renderTelegramHtml(html: string, styles: Styles): string {
  return html
    .replace(/<(b|strong)>([\s\S]*?)<\/\1>/g, (_, __, inner: string) => styles.bold(inner))
    .replace(/<(i|em)>([\s\S]*?)<\/\1>/g, (_, __, inner: string) => styles.italic(inner))
    .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, (_, href: string, inner: string) => `${inner} (${styles.accent(href)})`)
    .replace(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/g, (_, inner: string) => styles.dim(inner))
    .replace(/<\/?[a-z][^>]*>/g, "")
    .replace(/&(lt|gt|amp|quot|#39);/g, (m) => ENTITIES[m] ?? m)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}
