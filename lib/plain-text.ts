import { z } from "zod/mini";

// Names and labels are shown on screens and stored in both engines. Refused: control characters
// (PostgreSQL cannot store NUL), format characters (bidi embeddings, overrides and isolates, which
// can reorder what a screen shows; zero-width spaces, joiners and word joiners, which make two
// names look alike; the BOM; tag characters; the soft hyphen), lone surrogates, and the line and
// paragraph separators. Kept: a zero-width joiner inside an emoji sequence and the tags of a flag
// emoji, which draw one picture.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic})/gu;
const FLAG_TAGS = /(?<=\u{1F3F4})[\u{E0061}-\u{E007A}]+\u{E007F}/gu;

export function isPlainText(value: string): boolean {
  return !INVISIBLE.test(value.replace(FLAG_TAGS, "").replace(EMOJI_JOINER, ""));
}

export const noControlCharacters = () =>
  z.refine<string>(isPlainText, "Use visible letters, digits and punctuation only: no control, invisible or text-direction characters.");
