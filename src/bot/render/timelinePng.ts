import { createRequire } from "node:module";
import { FONT_FAMILY } from "./timelineSvg.js";

type ResvgModule = typeof import("@resvg/resvg-js");
let loading: Promise<ResvgModule> | undefined;
let fonts: string[] | undefined;

/**
 * The fonts the picture is drawn with, by file path from the dejavu-fonts-ttf package: DejaVu Sans has the
 * Latin, Cyrillic and Kazakh letters, so the picture never depends on the fonts of the machine it runs on.
 */
function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return (fonts ??= ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`)));
}

/**
 * Rasterises an SVG to PNG with resvg (its binary ships in a platform package of @resvg/resvg-js), on libuv's
 * thread pool (renderAsync), so a picture (about 0.2 s of work) does not hold up other chats. The module is
 * loaded on the first picture, not when the bot starts, so a machine without a working binary loses only the
 * pictures; the caller then sends the plan without one.
 */
export async function svgToPng(svg: string): Promise<Buffer> {
  loading ??= import("@resvg/resvg-js").catch((error: unknown) => {
    loading = undefined; // tried again with the next picture
    throw error;
  });
  const mod = (await loading) as ResvgModule & { default?: ResvgModule };
  const renderAsync = mod.renderAsync ?? mod.default!.renderAsync;
  const image = await renderAsync(svg, { font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FONT_FAMILY }, fitTo: { mode: "original" } });
  return image.asPng();
}
