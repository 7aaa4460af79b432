import type { Page } from "@playwright/test";

export type SmallestText = { capHeight: number; text: string; vmin: number };

/**
 * The smallest capital height of any text on screen, measured in the browser: each visible text
 * node's font, the height of an "H" drawn in it. Text only for screen readers is left out.
 */
export async function smallestText(page: Page): Promise<SmallestText> {
  return page.evaluate(() => {
    const context = document.createElement("canvas").getContext("2d");
    if (!context) throw new Error("no canvas");
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let smallest = { capHeight: Number.POSITIVE_INFINITY, text: "" };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element || element.closest(".sr-only, [aria-hidden='true']")) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width < 1 || box.height < 1 || style.visibility === "hidden") continue;
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const capHeight = context.measureText("H").actualBoundingBoxAscent;
      if (capHeight < smallest.capHeight) smallest = { capHeight, text };
    }
    return { ...smallest, vmin: Math.min(window.innerWidth, window.innerHeight) };
  });
}
