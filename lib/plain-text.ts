import { z } from "zod/mini";

// Names and labels are shown on screens and stored in both engines; PostgreSQL refuses NUL in
// text and no control character belongs in a label, so they are refused at the boundary.
export const noControlCharacters = () => z.regex(/^[^\p{Cc}]*$/u, "Use letters, digits and punctuation only.");
